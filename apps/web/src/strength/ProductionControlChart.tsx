import type { ProductionControlDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { linearScale, niceTicks } from './chartScale';

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { left: 40, right: 28, top: 12, bottom: 26 };
const GRADE_COLOURS = ['var(--accent)', 'var(--status-in_progress)', 'var(--status-completed)', 'var(--success)'];

/** σ month by month, one line per grade, each against its GB 50164 limit (dashed). */
export function ProductionControlChart({ control }: { control: ProductionControlDto }) {
  const { t, formatNumber, locale } = useI18n();
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const months = control.periods.map((period) => period.label);
  const grades = [...new Set(control.periods.flatMap((period) => period.grades.map((grade) => grade.grade)))];
  const series = grades.map((grade, index) => {
    const points = control.periods.flatMap((period, monthIndex) => {
      const figures = period.grades.find((entry) => entry.grade === grade);
      return figures?.sigmaMpa != null
        ? [{ monthIndex, sigma: figures.sigmaMpa, out: figures.sigmaWithinLimit === false }]
        : [];
    });
    const limit = control.periods
      .flatMap((period) => period.grades)
      .find((entry) => entry.grade === grade)!.sigmaLimitMpa;
    return { grade, points, limit, colour: GRADE_COLOURS[index % GRADE_COLOURS.length] };
  });
  const top = Math.max(
    4.5,
    ...series.flatMap((entry) => entry.points.map((point) => point.sigma)),
    ...series.map((s) => s.limit),
  );
  const x = linearScale([0, Math.max(1, months.length - 1)], [PAD.left, WIDTH - PAD.right]);
  const y = linearScale([0, top], [HEIGHT - PAD.bottom, PAD.top]);
  return (
    <figure className="strength-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('strength.control.chart')}
        data-testid="strength-control-chart"
      >
        {niceTicks(0, top).map((tick) => (
          <g key={tick} className="strength-chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatNumber(tick, 1)}
            </text>
          </g>
        ))}
        {months.map((month, index) => (
          <text key={month} className="strength-chart-label" x={x(index)} y={HEIGHT - 8} textAnchor="middle">
            {monthName.format(new Date(`${month}-01T00:00:00Z`))}
          </text>
        ))}
        {series.map((entry) => (
          <g key={entry.grade} style={{ color: entry.colour }}>
            <line
              className="strength-chart-limit"
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(entry.limit)}
              y2={y(entry.limit)}
            />
            <polyline
              className="strength-chart-line"
              points={entry.points.map((point) => `${x(point.monthIndex)},${y(point.sigma)}`).join(' ')}
            />
            {entry.points.map((point) => (
              <circle
                key={point.monthIndex}
                className={point.out ? 'strength-chart-point strength-chart-point--out' : 'strength-chart-point'}
                cx={x(point.monthIndex)}
                cy={y(point.sigma)}
                r={3.5}
              />
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="strength-legend">
        {series.map((entry) => (
          <span key={entry.grade} style={{ color: entry.colour }}>
            <span className="strength-legend-swatch" aria-hidden="true" /> {entry.grade} (σ ≤{' '}
            {formatNumber(entry.limit, 1)})
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
