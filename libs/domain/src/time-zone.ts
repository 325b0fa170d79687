import { assertValidDate } from './input-guards';

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
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
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

/** The hour of the day, 0–23, on the plant's clock: rush hour is local. */
export function localHourInZone(date: Date, timeZone: string): number {
  assertValidDate('date', date);
  assertTimeZone(timeZone);
  const hour = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(date)
    .find((part) => part.type === 'hour')?.value;
  return Number(hour) % 24;
}
