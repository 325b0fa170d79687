import type { PositionReport } from '@pourline/contracts';
import { KMH_PER_KNOT, type ParseResult, fail, isAbsent, readNumber } from './fields';
import { type RawField, readPosition } from './position';

/** Query-string or form fields as Express hands them over: repeated keys arrive as arrays. */
export type OsmAndFields = Record<string, string | string[] | undefined>;

/** Keys that become PositionReport fields; everything else (hdop included) stays in attributes. */
const MAPPED = new Set([
  'id',
  'deviceid',
  'lat',
  'lon',
  'location',
  'timestamp',
  'speed',
  'bearing',
  'heading',
  'altitude',
  'accuracy',
  'batt',
  'secret',
  'key',
]);

// Canonical decimals only: "007" or a 20-digit ICCID must keep their exact spelling.
const CANONICAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Repeated keys (`?lat=1&lat=2`) arrive as arrays and the first value counts. Whatever is not a
 * string (Express's qs turns `a[b]=1` into an object, despite the declared type) counts as absent. */
function first(value: unknown): string | undefined {
  const v: unknown = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}

/** Attribute values as the device meant them: numbers, booleans, or the string untouched. */
export function coerceAttribute(value: string): string | number | boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (CANONICAL_NUMBER.test(value)) {
    const n = Number(value);
    // A decimal too long for a double would be stored as Infinity: keep the text instead.
    if (Number.isFinite(n) && (value.includes('.') || Number.isSafeInteger(n))) return n;
  }
  return value;
}

/**
 * The OsmAnd protocol (Traccar Client, many hardware trackers): `id`/`deviceid`, `lat`+`lon` or
 * `location=lat,lon`, `timestamp`, `speed` in knots, `bearing`/`heading`, `altitude`, `accuracy`,
 * `hdop`, `batt` in %, optional `secret`/`key`; all other keys go to attributes.
 */
export function parseOsmAnd(fields: OsmAndFields, now: Date): ParseResult<PositionReport> {
  const get = (key: string): string | undefined => first(fields[key]);
  const errors: string[] = [];

  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const v = first(value);
    if (!MAPPED.has(key) && v !== undefined) attributes[key] = coerceAttribute(v);
  }
  // hdop is a number with a meaning (fix quality), so it is checked rather than passed through as text.
  if (!isAbsent(get('hdop'))) {
    const hdop = readNumber('hdop', get('hdop'), { min: 0 }, errors);
    if (hdop !== null) attributes.hdop = hdop;
  }

  let lat: RawField = { name: 'lat', value: get('lat') };
  let lng: RawField = { name: 'lon', value: get('lon') };
  const location = get('location');
  if (isAbsent(lat.value) && isAbsent(lng.value) && location !== undefined && !isAbsent(location)) {
    const parts = location.split(',');
    if (parts.length > 2) errors.push('location: must be "lat,lon"');
    lat = { name: 'location (latitude)', value: parts[0] };
    lng = { name: 'location (longitude)', value: parts[1] };
  }

  const idKey = isAbsent(get('id')) && !isAbsent(get('deviceid')) ? 'deviceid' : 'id';
  const bearingKey = isAbsent(get('bearing')) && !isAbsent(get('heading')) ? 'heading' : 'bearing';
  const secretKey = isAbsent(get('secret')) ? 'key' : 'secret';
  const result = readPosition(
    {
      deviceId: { name: idKey, value: get(idKey) },
      lat,
      lng,
      fixTime: { name: 'timestamp', value: get('timestamp') },
      speed: { name: 'speed', value: get('speed'), kmhPerUnit: KMH_PER_KNOT },
      bearingDeg: { name: bearingKey, value: get(bearingKey) },
      altitudeM: { name: 'altitude', value: get('altitude') },
      accuracyM: { name: 'accuracy', value: get('accuracy') },
      battery: { name: 'batt', value: get('batt'), percentPerUnit: 1 },
      secret: { name: secretKey, value: get(secretKey) },
      attributes,
    },
    now,
  );
  if (errors.length) return fail(result.ok ? errors : [...errors, ...result.errors]);
  return result;
}
