import { useI18n } from '../i18n/useI18n';
import { describeApiError } from '../api/errorMessage';
import { actionLabel } from './actionLabel';
import type { OutboxRefusal } from './useSiteOutbox';

/** Refusals the tablet explains in the person's language, beside the server's sentence. */
const HINTED_CODES = [
  'site_test_missing',
  'observed_too_old',
  'observed_before_previous_step',
  'time_in_future',
] as const;
type HintedCode = (typeof HINTED_CODES)[number];
const isHinted = (code: string): code is HintedCode => (HINTED_CODES as readonly string[]).includes(code);

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
            <strong>{t('site.error.refused', { action: actionLabel(refusal.action, t) })}</strong>
            <p>{describeApiError(refusal, t)}</p>
            {isHinted(refusal.code) && <p className="site-refusal-hint">{t(`site.error.${refusal.code}`)}</p>}
          </div>
          <button type="button" className="button site-refusal-dismiss" onClick={() => onDismiss(refusal.id)}>
            {t('site.error.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
