import { Temporal } from 'temporal-polyfill';
import { assertValidDate } from './input-guards';

/**
 * Every time people read is on the plant's wall clock, whatever zone their browser or the server is
 * in; the wire and the database carry instants in UTC. This is the one place that converts between
 * the two, on the Temporal API (its polyfill until runtimes ship it).
 */

/** IANA names only, as the runtime's Intl knows them; an empty name is not "UTC". */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not a known IANA time zone`);
}

/**
 * The plant's calendar day of an instant, 'YYYY-MM-DD': a pour at 01:00 in
 * Shanghai belongs to that day although it is still the day before in UTC.
 */
export function localDateInZone(date: Date, timeZone: string): string {
  assertValidDate('date', date);
  assertTimeZone(timeZone);
  return zoned(date, timeZone).toPlainDate().toString();
}

function zoned(date: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone);
}

/** Date and time as people in the plant read them; 24-hour clock, the control room's habit. */
export function formatInZone(
  date: Date,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  assertValidDate('date', date);
  assertTimeZone(timeZone);
  return new Intl.DateTimeFormat(locale, { hourCycle: 'h23', ...options, timeZone }).format(date);
}

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * 'YYYY-MM-DDTHH:mm' on the zone's wall clock (a datetime-local input) → ISO instant in UTC, or null
 * when the value or the zone is not usable. A time skipped by a DST jump moves forward by the jump,
 * as clocks do; a repeated hour takes its first occurrence (Temporal's "compatible" reading).
 */
export function wallClockToInstant(local: string, timeZone: string): string | null {
  if (!WALL_CLOCK.test(local) || !isValidTimeZone(timeZone)) return null;
  try {
    const wallClock = Temporal.PlainDateTime.from(local, { overflow: 'reject' });
    const instant = wallClock.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
    return new Date(instant.epochMilliseconds).toISOString();
  } catch {
    return null;
  }
}

/** ISO instant → 'YYYY-MM-DDTHH:mm' on the zone's wall clock, for a datetime-local input; '' if unreadable. */
export function instantToWallClock(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime()) || !isValidTimeZone(timeZone)) return '';
  return zoned(instant, timeZone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** The zone as people say it at that instant, e.g. "GMT+8" or "CEST"; the IANA name if the locale has none. */
export function zoneAbbreviation(date: Date, timeZone: string, locale: string): string {
  if (Number.isNaN(date.getTime()) || !isValidTimeZone(timeZone)) return timeZone;
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(date);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** Whether two zones show the same wall clock at that instant (Asia/Shanghai and Asia/Chongqing do). */
export function sameWallClock(date: Date, zoneA: string, zoneB: string): boolean {
  if (!isValidTimeZone(zoneA) || !isValidTimeZone(zoneB)) return zoneA === zoneB;
  return zoned(date, zoneA).offsetNanoseconds === zoned(date, zoneB).offsetNanoseconds;
}

/** A calendar day 'YYYY-MM-DD' moved by whole days; days have no zone, so none is involved. */
export function shiftCalendarDay(day: string, days: number): string {
  try {
    return Temporal.PlainDate.from(day, { overflow: 'reject' }).add({ days }).toString();
  } catch {
    throw new RangeError(`"${day}" is not a calendar day (YYYY-MM-DD)`);
  }
}

/** The hour of the day, 0–23, on the plant's clock: rush hour is local. */
export function localHourInZone(date: Date, timeZone: string): number {
  assertValidDate('date', date);
  assertTimeZone(timeZone);
  return zoned(date, timeZone).hour;
}
