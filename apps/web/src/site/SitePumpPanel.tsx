import { PUMP_STATUSES, type PourDto, type PumpStatus } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import type { OutboxAction, OutboxItem, OutboxSnapshot } from './outbox';
import { PendingBadge } from './PendingBadge';

interface SitePumpPanelProps {
  pour: PourDto;
  status: PumpStatus | null;
  pending: OutboxItem | null;
  snapshot: OutboxSnapshot;
  onAction: (action: OutboxAction) => void;
}

/** The pump's state as the site sets it: one big button per state, the current one pressed. */
export function SitePumpPanel({ pour, status, pending, snapshot, onAction }: SitePumpPanelProps) {
  const { t } = useI18n();
  const pumpId = pour.pumpId;
  return (
    <section className="site-panel site-pump" aria-labelledby="site-pump-title">
      <h2 id="site-pump-title">
        {pour.pumpCode ? t('site.pump.named', { pump: pour.pumpCode }) : t('site.pump.none')}
      </h2>
      {pumpId ? (
        <div className="site-pump-buttons">
          {PUMP_STATUSES.map((option) => (
            <button
              key={option}
              type="button"
              className={`button site-action site-pump-button site-pump-button--${option}`}
              data-testid={`site-pump-status-${option}`}
              aria-pressed={status === option}
              onClick={() =>
                status !== option &&
                onAction({ kind: 'pump-status', pumpId, pourId: pour.id, request: { status: option, note: '' } })
              }
            >
              <span>{t(`pumpStatus.${option}`)}</span>
              {pending?.action.kind === 'pump-status' && pending.action.request.status === option && (
                <PendingBadge item={pending} snapshot={snapshot} />
              )}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted">{t('site.pump.noneHint')}</p>
      )}
    </section>
  );
}
