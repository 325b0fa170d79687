import type { MixTrendDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { linearScale, niceTicks } from './chartScale';

const WIDTH = 560;
const VALUES_HEIGHT = 130;
const CUSUM_HEIGHT = 80;
const GAP = 14;
const PAD = { left: 40, right: 16, top: 8, bottom: 8 };

/**
 * Two panels on one time axis: the sets' 28-day values (hollow when foretold
 * from 7 days) around the target mean, and below them the CUSUM of the
 * shortfall, which flags drift where it crosses h.
 */
export function CusumChart({ trend }: { trend: MixTrendDto }) {
  const { t, formatNumber } = useI18n();
  const count = trend.points.length;
  const x = linearScale([0, Math.max(1, count - 1)], [PAD.left, WIDTH - PAD.right]);
  const values = trend.points.map((point) => point.valueMpa);
  const low = Math.floor(Math.min(trend.targetMpa, ...values) - 2);
  const high = Math.ceil(Math.max(trend.targetMpa, ...values) + 2);
  const yValue = linearScale([low, high], [PAD.top + VALUES_HEIGHT, PAD.top]);
  const cusumTop = Math.max(trend.decisionIntervalMpa * 1.2, ...trend.points.map((point) => point.cusumMpa));
  const cusumBase = PAD.top + VALUES_HEIGHT + GAP + CUSUM_HEIGHT;
  const yCusum = linearScale([0, cusumTop], [cusumBase, PAD.top + VALUES_HEIGHT + GAP]);
  const height = cusumBase + PAD.bottom;
  return (
    <figure className="strength-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={t('strength.trends.chart', { mix: trend.mixCode })}
        data-testid="strength-cusum-chart"
      >
        {niceTicks(low, high, 3).map((tick) => (
          <g key={`v${tick}`} className="strength-chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yValue(tick)} y2={yValue(tick)} />
            <text x={PAD.left - 6} y={yValue(tick) + 4} textAnchor="end">
              {formatNumber(tick, 0)}
            </text>
          </g>
        ))}
        <line
          className="strength-chart-target"
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={yValue(trend.targetMpa)}
          y2={yValue(trend.targetMpa)}
        />
        {trend.points.map((point, index) => (
          <circle
            key={point.setId}
            className={`strength-chart-point${point.predicted ? ' strength-chart-point--foretold' : ''}`}
            cx={x(index)}
            cy={yValue(point.valueMpa)}
            r={3}
          />
        ))}
        {niceTicks(0, cusumTop, 2).map((tick) => (
          <g key={`c${tick}`} className="strength-chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yCusum(tick)} y2={yCusum(tick)} />
            <text x={PAD.left - 6} y={yCusum(tick) + 4} textAnchor="end">
              {formatNumber(tick, 0)}
            </text>
          </g>
        ))}
        <line
          className="strength-chart-limit strength-chart-limit--h"
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={yCusum(trend.decisionIntervalMpa)}
          y2={yCusum(trend.decisionIntervalMpa)}
        />
        <polyline
          className="strength-chart-line strength-chart-line--cusum"
          points={trend.points.map((point, index) => `${x(index)},${yCusum(point.cusumMpa)}`).join(' ')}
        />
        {trend.points.map((point, index) =>
          point.signal ? (
            <circle
              key={`s${point.setId}`}
              className="strength-chart-point strength-chart-point--out"
              cx={x(index)}
              cy={yCusum(point.cusumMpa)}
              r={3}
            />
          ) : null,
        )}
      </svg>
      <figcaption className="strength-legend">
        <span>
          <span className="strength-legend-dot" aria-hidden="true" /> {t('strength.trends.legendActual')}
        </span>
        <span>
          <span className="strength-legend-dot strength-legend-dot--foretold" aria-hidden="true" />{' '}
          {t('strength.trends.legendForetold')}
        </span>
        <span>
          <span className="strength-legend-dash" aria-hidden="true" /> {t('strength.trends.legendTarget')}
        </span>
        <span>
          <span className="strength-legend-swatch strength-legend-swatch--cusum" aria-hidden="true" />{' '}
          {t('strength.trends.legendCusum')} (h = {formatNumber(trend.decisionIntervalMpa, 1)})
        </span>
      </figcaption>
    </figure>
  );
}
