import { useI18n } from '../i18n/useI18n';
import type { OutboxSnapshot } from './outbox';

/** The count of actions taken on this tablet that the server does not have yet. */
export function SiteOutboxStatus({ snapshot, onRetry }: { snapshot: OutboxSnapshot; onRetry: () => void }) {
  const { t } = useI18n();
  const count = snapshot.items.length;
  const state = count === 0 ? 'clear' : snapshot.online ? 'sending' : 'offline';
  return (
    <div className={`site-outbox site-outbox--${state}`} data-testid="site-outbox" data-pending={count} role="status">
      <span className="site-outbox-count">{count === 0 ? '✓' : count}</span>
      <span className="site-outbox-words">
        {count === 0 ? t('site.outbox.allSent') : t('site.outbox.pending', { count })}
        {count > 0 && !snapshot.online && <small>{t('site.pending.offline')}</small>}
        {count > 0 && snapshot.paused && <small>{t('site.pending.paused')}</small>}
      </span>
      {count > 0 && snapshot.online && !snapshot.paused && snapshot.sendingId === null && (
        <button type="button" className="button site-outbox-retry" onClick={onRetry}>
          {t('site.outbox.sendNow')}
        </button>
      )}
    </div>
  );
}
