import type { PlantDto, StrengthVerdictDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from '../pours/plantTime';

/** The method, and every figure the verdict rests on, as the lot's evaluation sheet would list them. */
export function LotVerdictFigures({ verdict, plant }: { verdict: StrengthVerdictDto; plant: PlantDto }) {
  const { t, formatNumber, locale } = useI18n();
  const { evaluation, record } = verdict;
  const mpa = (value: number) => formatNumber(value, 4);
  const factors = evaluation.factors;
  return (
    <div className="strength-verdict" data-testid="strength-verdict" data-pass={String(verdict.pass)}>
      <p className="strength-method">{t(`strength.method.${verdict.method}`)}</p>
      <ul className="strength-figures">
        <li className={evaluation.meanPass ? 'strength-figure--ok' : 'strength-figure--fail'}>
          {t('strength.figures.mean', { mean: mpa(evaluation.meanMpa), required: mpa(evaluation.requiredMeanMpa) })}
        </li>
        <li className={evaluation.minPass ? 'strength-figure--ok' : 'strength-figure--fail'}>
          {t('strength.figures.min', { min: mpa(evaluation.minMpa), required: mpa(evaluation.requiredMinMpa) })}
        </li>
        {verdict.method === 'statistical_unknown_sigma' && (
          <>
            <li>
              {t('strength.figures.sigmaUnknown', {
                sigma: mpa(evaluation.standardDeviationMpa ?? 0),
                computed: mpa(evaluation.computedStandardDeviationMpa ?? 0),
              })}
            </li>
            <li data-testid="strength-lambdas">
              {t('strength.figures.lambdas', {
                lambda1: formatNumber(factors.lambda1 ?? 0, 2),
                lambda2: formatNumber(factors.lambda2 ?? 0, 2),
                sets: evaluation.sets,
              })}
            </li>
          </>
        )}
        {verdict.method === 'statistical_known_sigma' && (
          <>
            <li>
              {t('strength.figures.sigmaKnown', {
                sigma: mpa(evaluation.standardDeviationMpa ?? 0),
                computed: mpa(evaluation.computedStandardDeviationMpa ?? 0),
              })}
            </li>
            <li>{t('strength.figures.knownFactors', { factor: formatNumber(factors.minGradeFactor ?? 0, 2) })}</li>
            <li>{t('strength.record.known', { sets: record.sets, days: record.periodDays })}</li>
          </>
        )}
        {verdict.method === 'non_statistical' && (
          <>
            <li>
              {t('strength.figures.lambdasNonStatistical', {
                lambda3: formatNumber(factors.lambda3 ?? 0, 2),
                lambda4: formatNumber(factors.lambda4 ?? 0, 2),
              })}
            </li>
            {!record.known && (
              <li className="muted">{t('strength.record.unknown', { sets: record.sets, days: record.periodDays })}</li>
            )}
          </>
        )}
      </ul>
      <p className="muted strength-version">
        {t('strength.figures.version', {
          time: formatPlantTime(verdict.judgedAt, plant.timeZone, locale),
          version: verdict.methodVersion,
        })}
      </p>
    </div>
  );
}
