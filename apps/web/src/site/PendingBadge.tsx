import { useI18n } from '../i18n/useI18n';
import type { OutboxItem, OutboxSnapshot } from './outbox';

export type PendingState = 'offline' | 'sending' | 'retrying' | 'paused' | 'queued';

export function pendingState(item: OutboxItem, snapshot: OutboxSnapshot): PendingState {
  if (snapshot.paused) return 'paused';
  if (!snapshot.online) return 'offline';
  if (snapshot.sendingId === item.id) return 'sending';
  if (item.attempts > 0) return 'retrying';
  return 'queued';
}

interface PendingBadgeProps {
  item: OutboxItem;
  snapshot: OutboxSnapshot;
  /** What is waiting, e.g. "Arrived"; left out inside the button that says it already. */
  label?: string;
}

/** Says that an action is taken but not yet on the server, and why. */
export function PendingBadge({ item, snapshot, label }: PendingBadgeProps) {
  const { t } = useI18n();
  const state = pendingState(item, snapshot);
  const words = t(`site.pending.${state}`);
  return (
    <span className={`site-pending site-pending--${state}`} data-testid="site-pending" data-state={state}>
      <span className="site-pending-icon" aria-hidden="true" />
      {label ? `${label} · ${words}` : words}
    </span>
  );
}
