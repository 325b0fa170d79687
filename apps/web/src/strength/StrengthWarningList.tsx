import type { PlantDto } from '@pourline/contracts';
import { errorMessage } from '../api/errorMessage';
import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from '../pours/plantTime';
import { useStrengthWarnings } from './useStrengthWarnings';
import { warningMessage } from './warningMessage';

/** Early warnings and production-control alerts of the plant, newest first. */
export function StrengthWarningList({ plant }: { plant: PlantDto }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const warnings = useStrengthWarnings(plant.id);
  return (
    <section
      className="panel strength-warnings"
      data-testid="strength-warnings"
      aria-labelledby="strength-warnings-title"
    >
      <h2 id="strength-warnings-title">{t('strength.warnings.title')}</h2>
      {warnings.error !== undefined && <p className="form-error">{errorMessage(warnings.error, t)}</p>}
      {warnings.data && warnings.data.length === 0 && <p className="muted">{t('strength.warnings.empty')}</p>}
      {warnings.data && warnings.data.length > 0 && (
        <ul className="strength-warning-list">
          {warnings.data.map((warning) => (
            <li
              key={warning.id}
              className={`strength-warning strength-warning--${warning.kind}`}
              data-testid="strength-warning"
              data-kind={warning.kind}
              data-lot-id={warning.lotId ?? undefined}
            >
              <span className="strength-warning-kind">{t(`strength.warning.kind.${warning.kind}`)}</span>
              <span className="strength-warning-time muted">
                {formatPlantTime(warning.raisedAt, plant.timeZone, locale)}
              </span>
              <p>{warningMessage(warning, i18n)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
