/**
 * Whether a position fix could be true. A fix that passes the protocol's
 * format checks can still be impossible: a tracker with a wrong clock, an
 * overflowing speed field. Believed, such a fix would stop a truck on the map
 * (everything after it looks "older") or corrupt its ETA, so it is refused
 * alone and the tracker's other fixes keep flowing.
 */

/**
 * Mixer trucks and truck-mounted pumps are governed well below 130 km/h; no
 * road vehicle in the fleet reaches this. Above it the reading is a glitch.
 */
export const MAX_PLAUSIBLE_SPEED_KMH = 250;

/**
 * Tracker and phone clocks drift by seconds, not minutes. A fix further ahead
 * of the server clock than this comes from a clock that is wrong.
 */
export const DEFAULT_MAX_FIX_AHEAD_SECONDS = 300;

export interface FixToJudge {
  fixTime: Date;
  lat: number;
  lng: number;
  speedKmh: number | null;
  bearingDeg?: number | null;
  altitudeM?: number | null;
  accuracyM?: number | null;
  batteryPercent?: number | null;
}

function aheadText(ms: number): string {
  if (ms >= 2 * 3_600_000) return `${Math.round(ms / 3_600_000)} h`;
  if (ms % 60_000 === 0 || ms >= 600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 1000)} s`;
}

/** True when `fixTime` lies more than `maxAheadSeconds` after `now`. */
export function isFixTooFarAhead(fixTime: Date, now: Date, maxAheadSeconds = DEFAULT_MAX_FIX_AHEAD_SECONDS): boolean {
  return fixTime.getTime() - now.getTime() > maxAheadSeconds * 1000;
}

/**
 * Every reason the fix cannot be true, as sentences a tracker's owner can act
 * on; an empty list means it is plausible. `receivedAt` is the server clock.
 */
export function implausibleFixReasons(
  fix: FixToJudge,
  receivedAt: Date,
  maxAheadSeconds = DEFAULT_MAX_FIX_AHEAD_SECONDS,
): string[] {
  const reasons: string[] = [];
  const numbers: [string, number | null | undefined][] = [
    ['lat', fix.lat],
    ['lng', fix.lng],
    ['speedKmh', fix.speedKmh],
    ['bearingDeg', fix.bearingDeg],
    ['altitudeM', fix.altitudeM],
    ['accuracyM', fix.accuracyM],
    ['batteryPercent', fix.batteryPercent],
  ];
  for (const [name, value] of numbers) {
    if (value !== null && value !== undefined && !Number.isFinite(value))
      reasons.push(`${name}: must be a finite number, got ${String(value)}`);
  }
  if (Number.isFinite(fix.lat) && Math.abs(fix.lat) > 90) reasons.push(`lat: must be between -90 and 90`);
  if (Number.isFinite(fix.lng) && Math.abs(fix.lng) > 180) reasons.push(`lng: must be between -180 and 180`);
  const speed = fix.speedKmh;
  if (speed !== null && Number.isFinite(speed) && speed > MAX_PLAUSIBLE_SPEED_KMH)
    reasons.push(
      `speed: ${speed} km/h is faster than any truck or pump drives (at most ${MAX_PLAUSIBLE_SPEED_KMH} km/h)`,
    );
  const fixMs = fix.fixTime instanceof Date ? fix.fixTime.getTime() : NaN;
  if (Number.isNaN(fixMs)) reasons.push('fix time: is not a valid time');
  else if (isFixTooFarAhead(fix.fixTime, receivedAt, maxAheadSeconds))
    reasons.push(
      `fix time: ${fix.fixTime.toISOString()} is ${aheadText(fixMs - receivedAt.getTime())} ahead of the server clock ` +
        `(at most ${aheadText(maxAheadSeconds * 1000)} is accepted); set the tracker's clock`,
    );
  return reasons;
}
