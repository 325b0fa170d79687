import { formatInZone, zoneAbbreviation } from '@pourline/domain';

/**
 * Times are stored in UTC and read in the plant's zone, whatever zone the
 * browser is in. An unknown zone falls back to the browser's rather than
 * hiding the time.
 */
export function formatPlantTime(
  iso: string,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatInZone(date, timeZone, locale, options);
  } catch {
    return new Intl.DateTimeFormat(locale, { hourCycle: 'h23', ...options }).format(date);
  }
}

export function formatPlantClock(iso: string, timeZone: string, locale: string): string {
  return formatPlantTime(iso, timeZone, locale, { hour: '2-digit', minute: '2-digit' });
}

/** The zone as people say it at that instant, e.g. "GMT+8" or "CEST". */
export function plantZoneName(iso: string, timeZone: string, locale: string): string {
  return zoneAbbreviation(new Date(iso), timeZone, locale);
}
