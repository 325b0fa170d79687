import { useI18n } from '../i18n/useI18n';
import { useNow } from '../operator/useNow';
import { isWithdrawable, type OutboxItem, type OutboxSnapshot } from './outbox';
import { actionLabel } from './actionLabel';

interface SiteUndoBarProps {
  snapshot: OutboxSnapshot;
  onUndo: (id: string) => void;
  onSendNow: (id: string) => void;
}

/** Seconds are counted down on screen; a quarter second keeps the count honest without busy rendering. */
const TICK_MS = 250;

/**
 * The stopping actions just taken, each with the seconds left to take it back.
 * Pinned to the bottom of the screen, so it is in sight wherever the tap was.
 */
export function SiteUndoBar({ snapshot, onUndo, onSendNow }: SiteUndoBarProps) {
  const undoable = snapshot.items.filter((item) => item.sendAfter !== null && item.attempts === 0);
  if (undoable.length === 0) return null;
  return <UndoEntries items={undoable} onUndo={onUndo} onSendNow={onSendNow} />;
}

function UndoEntries({
  items,
  onUndo,
  onSendNow,
}: {
  items: readonly OutboxItem[];
  onUndo: (id: string) => void;
  onSendNow: (id: string) => void;
}) {
  const { t } = useI18n();
  const now = useNow(TICK_MS);
  const open = items.filter((item) => isWithdrawable(item, now));
  if (open.length === 0) return null;
  return (
    <div className="site-undo-bar" data-testid="site-undo-bar" role="status">
      {open.map((item) => {
        const seconds = Math.max(1, Math.ceil(((item.sendAfter ?? now) - now) / 1000));
        return (
          <div
            key={item.id}
            className="site-undo"
            data-testid="site-undo"
            data-kind={item.action.kind}
            data-item-id={item.id}
          >
            <span className="site-undo-words">
              <strong>{actionLabel(item.action, t)}</strong>
              <span>{t('site.undo.sendsIn', { count: seconds })}</span>
            </span>
            <button
              type="button"
              className="button site-action site-undo-button"
              data-testid="site-undo-button"
              onClick={() => onUndo(item.id)}
            >
              {t('site.undo.undo')}
            </button>
            <button
              type="button"
              className="button site-action site-undo-send"
              data-testid="site-undo-send-now"
              onClick={() => onSendNow(item.id)}
            >
              {t('site.undo.sendNow')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
