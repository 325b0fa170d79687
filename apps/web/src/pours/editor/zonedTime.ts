/**
 * A datetime-local input holds a wall-clock time with no zone. The editor
 * reads and writes it as the plant's wall clock, whatever zone the browser
 * is in, and the wire carries the instant in UTC.
 */

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function wallClockParts(instantMs: number, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return [part('year'), part('month'), part('day'), part('hour'), part('minute'), part('second')];
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const [year, month, day, hour, minute, second] = wallClockParts(instantMs, timeZone);
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return asIfUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * 'YYYY-MM-DDTHH:mm' on the zone's wall clock → ISO instant in UTC, or null
 * when the value or the zone is not usable. A time skipped by a DST jump
 * moves forward by the jump, as clocks do; a repeated hour takes its first
 * occurrence.
 */
export function zonedLocalToUtcIso(local: string, timeZone: string): string | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((value) => Number(value ?? 0));
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asIfUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  try {
    // The offset depends on the instant we are looking for: try the offsets either side of it.
    const offsetBefore = zoneOffsetMs(asIfUtc - 86_400_000, timeZone);
    const offsetAfter = zoneOffsetMs(asIfUtc + 86_400_000, timeZone);
    const candidates = [offsetBefore, offsetAfter]
      .map((offset) => asIfUtc - offset)
      .filter((instant) => zoneOffsetMs(instant, timeZone) === asIfUtc - instant)
      .sort((a, b) => a - b);
    // In a gap no candidate reads back; the clock before the jump carries the time forward past it.
    const instant = candidates[0] ?? asIfUtc - offsetBefore;
    return new Date(instant).toISOString();
  } catch {
    return null;
  }
}

/** ISO instant → 'YYYY-MM-DDTHH:mm' on the zone's wall clock, for a datetime-local input. */
export function utcIsoToZonedLocal(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  try {
    const [year, month, day, hour, minute] = wallClockParts(instant, timeZone);
    const pad = (value: number, width = 2) => String(value).padStart(width, '0');
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
  } catch {
    return '';
  }
}
