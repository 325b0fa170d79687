import type { PlantDto, PourDto, PumpDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import type { LiveAlert } from '../live/liveState';
import { useLive } from '../live/useLive';
import { formatPlantTime } from '../pours/plantTime';

interface LiveEventsListProps {
  plants: readonly PlantDto[];
  pumps: readonly PumpDto[];
  pours: readonly PourDto[];
  onFocusPour: (pourId: string) => void;
}

const SHOWN = 50;
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };

/** Rejections, holds, pump breakdowns and deadlines at risk, newest first, on the plant's clock. */
export function LiveEventsList({ plants, pumps, pours, onFocusPour }: LiveEventsListProps) {
  const { t, locale } = useI18n();
  const alerts = useLive((state) => state.alerts);

  const pumpOf = (alert: LiveAlert) => pumps.find((pump) => pump.id === alert.pumpId);
  const timeZoneOf = (alert: LiveAlert) => {
    const plantId = alert.plantId ?? pumpOf(alert)?.homePlantId;
    return plants.find((plant) => plant.id === plantId)?.timeZone ?? plants[0]?.timeZone ?? 'UTC';
  };
  const describe = (alert: LiveAlert) => {
    const ticket = alert.ticketNumber ?? '';
    const truck = alert.truckFleetNumber ?? t('common.none');
    switch (alert.type) {
      case 'rejection':
        return t('live.event.rejection', { ticket, truck, reasons: alert.detail || t('common.none') });
      case 'hold':
        return t('live.event.hold', { ticket, truck });
      case 'deadline_risk':
        return t('live.event.deadlineRisk', { ticket, truck, minutes: alert.detail || '?' });
      case 'pump_breakdown':
        return t('live.event.pumpBreakdown', { pump: pumpOf(alert)?.code ?? '', note: alert.detail });
      case 'pump_blocked':
        return t('live.event.pumpBlocked', { pump: pumpOf(alert)?.code ?? '', note: alert.detail });
    }
  };

  return (
    <section className="op-events" data-testid="live-events" aria-labelledby="op-events-title">
      <div className="op-section-head">
        <h2 id="op-events-title">{t('live.events.title')}</h2>
        <span className="muted">{alerts.length}</span>
      </div>
      {alerts.length === 0 ? (
        <p className="placeholder">{t('live.events.empty')}</p>
      ) : (
        <ol className="op-event-list" aria-live="polite">
          {alerts.slice(0, SHOWN).map((alert) => {
            const pour = alert.pourId ? pours.find((candidate) => candidate.id === alert.pourId) : undefined;
            return (
              <li
                key={alert.id}
                className={`op-event op-event--${alert.type}`}
                data-testid="live-event"
                data-type={alert.type}
              >
                <time dateTime={alert.at} className="op-event-time">
                  {formatPlantTime(alert.at, timeZoneOf(alert), locale, CLOCK)}
                </time>
                <span className="op-event-kind">{t(`live.eventType.${alert.type}`)}</span>
                <span className="op-event-text">{describe(alert)}</span>
                {pour && (
                  <button type="button" className="link-button op-event-pour" onClick={() => onFocusPour(pour.id)}>
                    {pour.projectName} · {pour.structuralElement}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
