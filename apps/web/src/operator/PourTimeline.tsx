import { shortTicket } from '../loads/ticketLabel';
import type { LoadDto } from '@pourline/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';
import { TRUCK_PHASE_COLORS, truckPhase } from './truckStyles';

interface PourTimelineProps {
  loads: readonly LoadDto[];
  timeZone: string;
  now: number;
  onSelectTruck: (truckId: string) => void;
  /** What the person may do with a load (dispatch actions), under its row. */
  renderActions?: (load: LoadDto) => ReactNode;
}

const MINUTE_MS = 60_000;

/** One row per load: the bar runs from batching to its discharge deadline, with now marked. */
export function PourTimeline({ loads, timeZone, now, onSelectTruck, renderActions }: PourTimelineProps) {
  const { t, locale } = useI18n();
  const rows = [...loads].sort(
    (a, b) =>
      (a.batchedAt ? Date.parse(a.batchedAt) : Infinity) - (b.batchedAt ? Date.parse(b.batchedAt) : Infinity) ||
      a.queuePosition - b.queuePosition,
  );
  if (rows.length === 0) return <p className="muted timeline-empty">{t('live.timeline.empty')}</p>;

  const times = rows.flatMap((load) =>
    [load.batchedAt, load.dischargeDeadline].filter((v): v is string => !!v).map(Date.parse),
  );
  const start = Math.min(now - 30 * MINUTE_MS, ...times);
  const end = Math.max(now + 15 * MINUTE_MS, ...times);
  const span = end - start;
  const at = (time: number) => `${((time - start) / span) * 100}%`;

  return (
    <div className="timeline" data-testid="pour-timeline">
      <div className="timeline-axis" aria-hidden="true">
        <span>{formatPlantClock(new Date(start).toISOString(), timeZone, locale)}</span>
        <span>{formatPlantClock(new Date(end).toISOString(), timeZone, locale)}</span>
      </div>
      <ol className="timeline-rows">
        {rows.map((load) => {
          const batched = load.batchedAt ? Date.parse(load.batchedAt) : null;
          const deadline = load.dischargeDeadline ? Date.parse(load.dischargeDeadline) : null;
          return (
            <li
              key={load.id}
              className="timeline-row"
              data-testid="timeline-load"
              data-load-id={load.id}
              data-status={load.status}
            >
              <span className="timeline-label">
                {load.truckId ? (
                  <button
                    type="button"
                    className="link-button"
                    data-testid="timeline-truck"
                    onClick={() => onSelectTruck(load.truckId as string)}
                  >
                    {load.truckFleetNumber ?? t('common.none')}
                  </button>
                ) : (
                  <span className="muted">{t('common.none')}</span>
                )}
                <span className="mono" data-testid="timeline-ticket" title={load.ticketNumber}>
                  {shortTicket(load.ticketNumber)}
                </span>
                {load.replacesLoadId && <span className="timeline-replacement">{t('dispatch.replacement')}</span>}
              </span>
              <span className="timeline-track">
                {batched !== null && deadline !== null ? (
                  <span
                    className={`timeline-bar${load.rejected ? ' timeline-bar--rejected' : ''}`}
                    style={{
                      left: at(batched),
                      width: `${((deadline - batched) / span) * 100}%`,
                      backgroundColor: TRUCK_PHASE_COLORS[truckPhase(load)],
                    }}
                    title={`${formatPlantClock(load.batchedAt as string, timeZone, locale)} → ${formatPlantClock(
                      load.dischargeDeadline as string,
                      timeZone,
                      locale,
                    )}`}
                  />
                ) : (
                  <span className="timeline-pending">
                    {t('live.timeline.notBatched', { position: load.queuePosition })}
                  </span>
                )}
                <span className="timeline-now" style={{ left: at(now) }} aria-hidden="true" />
              </span>
              <span className="timeline-status">{t(`loadStatus.${load.status}`)}</span>
              {renderActions && <div className="timeline-actions">{renderActions(load)}</div>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
