import { isValidTimeZone, localDateInZone } from '@pourline/domain';

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Today on the plants' calendar, 'YYYY-MM-DD'; the browser's own when the plants' zone is unknown. */
export function plantToday(timeZone: string | null, now: Date = new Date()): string {
  return localDateInZone(now, timeZone !== null && isValidTimeZone(timeZone) ? timeZone : browserTimeZone());
}
