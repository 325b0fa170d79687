import type { PlantDto } from '@pourline/contracts';
import { errorMessage } from '../api/errorMessage';
import { useI18n } from '../i18n/useI18n';
import { CusumChart } from './CusumChart';
import { useMixTrends } from './useMixTrends';

/** Each mix's production strength at the plant over 90 days and the CUSUM that flags its drift. */
export function MixTrendsPanel({ plant }: { plant: PlantDto }) {
  const { t, formatNumber } = useI18n();
  const trends = useMixTrends(plant.id);
  return (
    <section className="panel strength-trends" data-testid="strength-trends" aria-labelledby="strength-trends-title">
      <h2 id="strength-trends-title">{t('strength.trends.title')}</h2>
      {trends.error !== undefined && <p className="form-error">{errorMessage(trends.error, t)}</p>}
      {!trends.data && trends.loading && <p className="status-note">{t('app.loading')}</p>}
      {trends.data && trends.data.length === 0 && <p className="muted">{t('strength.trends.empty')}</p>}
      {trends.data?.map((trend) => (
        <div
          key={trend.mixId}
          className="strength-trend"
          data-testid="strength-trend"
          data-mix-id={trend.mixId}
          data-drifting={String(trend.drifting)}
        >
          <div className="strength-trend-head">
            <h3>
              {trend.mixCode} <span className="strength-grade">{trend.strengthGrade}</span>
            </h3>
            <span className={`strength-badge strength-badge--${trend.drifting ? 'warning' : 'course'}`}>
              {t(trend.drifting ? 'strength.trends.drifting' : 'strength.trends.steady')}
            </span>
          </div>
          <p className="muted">
            {t('strength.trends.target', {
              target: formatNumber(trend.targetMpa, 1),
              sigma: formatNumber(trend.sigmaMpa, 2),
              source: t(`strength.trends.source.${trend.sigmaFrom}`),
              k: formatNumber(trend.allowanceMpa, 2),
              h: formatNumber(trend.decisionIntervalMpa, 2),
            })}
            {' · '}
            {trend.fit
              ? t('strength.forecast.fit', {
                  ratio: formatNumber(trend.fit.ratio, 3),
                  spread: formatNumber(trend.fit.ratioSpread, 3),
                  pairs: trend.fit.pairs,
                })
              : t('strength.forecast.noFit')}
          </p>
          <CusumChart trend={trend} />
        </div>
      ))}
    </section>
  );
}
