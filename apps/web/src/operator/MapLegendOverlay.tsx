import type { PumpStatus } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { PUMP_STATUS_COLORS, TRUCK_PHASE_COLORS, TRUCK_PHASES } from './truckStyles';

const PUMP_STATUSES = Object.keys(PUMP_STATUS_COLORS) as PumpStatus[];

/** What the colours on the live map mean; the same tables the layers draw with. Folded at first on a phone. */
export function MapLegendOverlay({ open }: { open: boolean }) {
  const { t } = useI18n();
  return (
    <details className="live-legend" data-testid="live-legend" open={open}>
      <summary>{t('map.legend')}</summary>
      <div className="live-legend-groups">
        <ul aria-label={t('live.legend.trucks')}>
          <li className="live-legend-title">{t('live.legend.trucks')}</li>
          {TRUCK_PHASES.map((phase) => (
            <li key={phase}>
              <span className="legend-dot" style={{ backgroundColor: TRUCK_PHASE_COLORS[phase] }} />
              {t(`truckPhase.${phase}`)}
            </li>
          ))}
        </ul>
        <ul aria-label={t('live.legend.pumps')}>
          <li className="live-legend-title">{t('live.legend.pumps')}</li>
          {PUMP_STATUSES.map((status) => (
            <li key={status}>
              <span className="legend-dot legend-dot--pump" style={{ backgroundColor: PUMP_STATUS_COLORS[status] }} />
              {t(`pumpStatus.${status}`)}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
