import { useI18n } from '../i18n/useI18n';
import type { OutboxAction } from './outbox';
import type { OutboxRefusal } from './useSiteOutbox';

/** Actions the server turned down, in words, until the person taps them away. */
export function SiteRefusals({
  refusals,
  onDismiss,
}: {
  refusals: readonly OutboxRefusal[];
  onDismiss: (id: string) => void;
}) {
  const { t } = useI18n();
  if (refusals.length === 0) return null;

  const actionName = (action: OutboxAction) => {
    switch (action.kind) {
      case 'load-step':
        return `${t(`site.action.${action.step}`)} · ${action.ticketNumber}`;
      case 'pour-request':
        return t(`site.request.${action.request.kind}`);
      case 'pump-status':
        return `${t('site.pump.title')} · ${t(`pumpStatus.${action.request.status}`)}`;
      case 'site-test':
        return `${t('site.slumpTest.open')} · ${action.ticketNumber}`;
    }
  };

  return (
    <div className="site-refusals">
      {refusals.map((refusal) => (
        <div
          key={refusal.id}
          className="site-refusal"
          role="alert"
          data-testid="site-action-error"
          data-code={refusal.code}
        >
          <div>
            <strong>{t('site.error.refused', { action: actionName(refusal.action) })}</strong>
            <p>{refusal.message}</p>
            {refusal.code === 'site_test_missing' && (
              <p className="site-refusal-hint">{t('site.error.site_test_missing')}</p>
            )}
          </div>
          <button type="button" className="button site-refusal-dismiss" onClick={() => onDismiss(refusal.id)}>
            {t('site.error.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
