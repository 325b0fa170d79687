import type { PourReportDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';

/** The pour in figures: planned against delivered, loads, rejections, pump idle, punctuality, cycle time. */
export function PourFigures({ report }: { report: PourReportDto }) {
  const { t, formatNumber } = useI18n();
  const value = (number: number | null, unit = '') =>
    number === null ? t('common.none') : `${formatNumber(number)}${unit}`;
  const figures = [
    ['planned', `${formatNumber(report.plannedM3)} m³`],
    ['delivered', `${formatNumber(report.deliveredM3)} m³`],
    ['loads', `${report.loads}`],
    ['rejected', `${report.rejectedLoads} · ${formatNumber(report.rejectedM3)} m³`],
    ['firstArrival', value(report.firstArrivalLateMinutes, ' min')],
    ['pumpIdle', value(report.pumpIdleMinutes, ' min')],
    ['punctual', value(report.punctualSharePercent, ' %')],
    ['meanCycle', value(report.meanCycleMinutes, ' min')],
  ] as const;
  return (
    <div className="aftersales-figures" data-testid="pour-figures">
      {figures.map(([key, shown]) => (
        <div
          key={key}
          className={`figure-card${key === 'rejected' && report.rejectedLoads ? ' figure-card--alert' : ''}`}
          data-figure={key}
        >
          <span className="figure-value">{shown}</span>
          <span className="figure-label">{t(`evidence.figure.${key}`)}</span>
        </div>
      ))}
    </div>
  );
}
