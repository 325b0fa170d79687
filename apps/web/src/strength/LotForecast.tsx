import type { InspectionLotDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';

/** Where the lot is heading while 28-day cubes wait: the ratio it is foretold by and the projected figures. */
export function LotForecast({ lot }: { lot: InspectionLotDto }) {
  const { t, formatNumber } = useI18n();
  const { forecast } = lot;
  if (forecast.predictedSets === 0 && forecast.pendingSets === 0) return null;
  return (
    <div
      className="strength-forecast"
      data-testid="strength-forecast"
      data-heading-below={String(forecast.headingBelowAcceptance)}
    >
      <p className="muted">
        {forecast.fit
          ? t('strength.forecast.fit', {
              ratio: formatNumber(forecast.fit.ratio, 3),
              spread: formatNumber(forecast.fit.ratioSpread, 3),
              pairs: forecast.fit.pairs,
            })
          : t('strength.forecast.noFit')}
      </p>
      {forecast.projected && forecast.predictedSets > 0 && (
        <p className={forecast.headingBelowAcceptance ? 'strength-figure--fail' : undefined}>
          {t('strength.forecast.projected', {
            mean: formatNumber(forecast.projected.meanMpa, 1),
            requiredMean: formatNumber(forecast.projected.requiredMeanMpa, 4),
            min: formatNumber(forecast.projected.minMpa, 1),
            requiredMin: formatNumber(forecast.projected.requiredMinMpa, 4),
            actual: forecast.actualSets,
            predicted: forecast.predictedSets,
            pending: forecast.pendingSets,
          })}
        </p>
      )}
    </div>
  );
}
