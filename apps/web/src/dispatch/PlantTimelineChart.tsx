import './dispatch.css';
import type { PlantDto, PlantTimelineSlotDto } from '@pourline/contracts';
import { useMemo } from 'react';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';
import { usePlantTimeline } from './usePlantTimeline';

const MINUTE = 60_000;
/** The chart shows the last hour and the next three. */
const BEFORE_MIN = 60;
const AFTER_MIN = 180;
const TICK_MIN = 30;

interface PlantTimelineChartProps {
  plant: PlantDto;
}

/** One plant's loading bays over time: a row per truck, a bar per ticket or proposal, and where now is. */
export function PlantTimelineChart({ plant }: PlantTimelineChartProps) {
  const { t, locale } = useI18n();
  const resource = usePlantTimeline(plant.id);
  const timeline = resource.data;
  const rows = useMemo(() => {
    const byTruck = new Map<string, PlantTimelineSlotDto[]>();
    for (const slot of timeline?.slots ?? []) {
      const truck = slot.truckFleetNumber ?? '—';
      byTruck.set(truck, [...(byTruck.get(truck) ?? []), slot]);
    }
    return [...byTruck.entries()].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }));
  }, [timeline]);
  if (!timeline) return null;

  const now = Date.parse(timeline.generatedAt);
  const from = now - BEFORE_MIN * MINUTE;
  const span = (BEFORE_MIN + AFTER_MIN) * MINUTE;
  const percent = (ms: number) => Math.min(100, Math.max(0, ((ms - from) / span) * 100));
  const ticks = Array.from({ length: (BEFORE_MIN + AFTER_MIN) / TICK_MIN + 1 }, (_, i) => {
    const first = Math.ceil(from / (TICK_MIN * MINUTE)) * TICK_MIN * MINUTE;
    return first + i * TICK_MIN * MINUTE;
  }).filter((tick) => tick <= from + span);
  const clock = (ms: number) => formatPlantClock(new Date(ms).toISOString(), plant.timeZone, locale);

  return (
    <div className="gantt" data-testid="plant-gantt" data-plant-id={plant.id}>
      <div className="gantt-legend">
        <span className="gantt-key gantt-key--load">{t('timeline.legendLoad')}</span>
        <span className="gantt-key gantt-key--proposal">{t('timeline.legendProposal')}</span>
      </div>
      {rows.length === 0 ? (
        <p className="status-note">{t('timeline.empty')}</p>
      ) : (
        <div className="gantt-grid">
          <div className="gantt-axis">
            {ticks.map((tick) => (
              <span key={tick} className="gantt-tick" style={{ left: `${percent(tick)}%` }}>
                {clock(tick)}
              </span>
            ))}
          </div>
          {rows.map(([truck, slots]) => (
            <div className="gantt-row" key={truck} data-testid="gantt-row">
              <span className="gantt-truck">{truck}</span>
              <div className="gantt-lane">
                <span className="gantt-now" style={{ left: `${percent(now)}%` }} title={t('timeline.now')} />
                {slots.map((slot) => {
                  const start = Date.parse(slot.loadStartsAt);
                  const end = Math.max(Date.parse(slot.loadEndsAt), start + MINUTE);
                  if (end < from || start > from + span) return null;
                  const label =
                    slot.kind === 'load'
                      ? t('timeline.load', { ticket: slot.ticketNumber ?? '', pour: slot.pourLabel })
                      : t('timeline.proposal', { pour: slot.pourLabel });
                  return (
                    <span
                      key={`${slot.kind}:${slot.loadId ?? slot.loadStartsAt}:${truck}`}
                      className={`gantt-bar gantt-bar--${slot.kind}`}
                      data-testid="gantt-bar"
                      data-kind={slot.kind}
                      style={{ left: `${percent(start)}%`, width: `${Math.max(0.8, percent(end) - percent(start))}%` }}
                      title={`${label} · ${clock(start)}–${clock(end)}`}
                    >
                      {clock(start)}
                    </span>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
