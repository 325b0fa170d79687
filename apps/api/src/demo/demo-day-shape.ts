import type { DemoPour } from './demo-pours';

/** The moment of the day the demo's script is written for: its statuses hold then. */
export const SCRIPT_NOW_MINUTES = 10 * 60;
/** Before this, a day has too little behind it to finish even a small pour: the day ahead is planned as written. */
const SHORTEST_PAST_MINUTES = 10;
/** The first pour of a squeezed morning starts this long after midnight. */
const AFTER_MIDNIGHT_MINUTES = 5;

const clock = (minutes: number): DemoPour['start'] => {
  const whole = Math.round(minutes);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}` as DemoPour['start'];
};

const minutesOf = (start: DemoPour['start']): number => {
  const [hours, minutes] = start.split(':').map(Number);
  return hours * 60 + minutes;
};

/**
 * The demo's pours laid out for a demo started `nowMinutes` into the plant's
 * day. The script is written for mid-morning; a demo started in the small
 * hours gets the same morning squeezed into the part of the day already gone
 * (pours finished or under way by now are smaller, as they had fewer hours), and the rest of
 * the day moved up to follow now, so from ten minutes past midnight a visitor
 * finds pours finished, under way and ahead. From mid-morning on, the day is
 * as written.
 */
export function shapeDemoDay(pours: readonly DemoPour[], nowMinutes: number): DemoPour[] {
  if (nowMinutes >= SCRIPT_NOW_MINUTES || nowMinutes < SHORTEST_PAST_MINUTES) return [...pours];
  const squeeze = (nowMinutes - AFTER_MIDNIGHT_MINUTES) / SCRIPT_NOW_MINUTES;
  return pours.map((pour) => {
    const written = minutesOf(pour.start);
    if (written >= SCRIPT_NOW_MINUTES) return { ...pour, start: clock(nowMinutes + written - SCRIPT_NOW_MINUTES) };
    const start = AFTER_MIDNIGHT_MINUTES + written * squeeze;
    // A pour under way since the small hours is a night pour, smaller for the hours it had, yet with
    // enough left that the demo fleet does not finish it in the first minutes.
    if (pour.status === 'in_progress')
      return {
        ...pour,
        start: clock(start),
        volumeM3: Math.min(pour.volumeM3, Math.max(60, Math.round(pour.volumeM3 * squeeze))),
      };
    if (pour.status !== 'completed') return { ...pour, start: clock(start) };
    // Finished a couple of minutes before now, at its own rate.
    const fits = ((nowMinutes - 2 - Math.round(start)) / 60) * pour.pourRateM3PerHour;
    return { ...pour, start: clock(start), volumeM3: Math.max(1, Math.floor(Math.min(pour.volumeM3 * squeeze, fits))) };
  });
}
