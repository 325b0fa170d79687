/** What every protocol parser returns; errors are "field: what is wrong", ready for a 400 answer. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T>(errors: string[]): ParseResult<T> => ({ ok: false, errors });

export const KMH_PER_KNOT = 1.852;
export const KMH_PER_MPS = 3.6;

/** Trackers whose clock runs ahead by more than this send garbage times; refuse instead of storing them. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/** Same rule as the tracker id a truck or pump is registered with (contracts/fleet.ts), so a
 * position that could never match a registered device is refused instead of piling up. */
const DEVICE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface NumberRule {
  min?: number;
  max?: number;
  required?: boolean;
}

/** Ranges in PositionReport units; every parser validates against these. */
export const RULES = {
  lat: { min: -90, max: 90, required: true },
  lng: { min: -180, max: 180, required: true },
  speedKmh: { min: 0 },
  bearingDeg: { min: 0, max: 360 },
  altitudeM: {},
  accuracyM: { min: 0 },
  batteryPercent: { min: 0, max: 100 },
} satisfies Record<string, NumberRule>;

export function isAbsent(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Plain JSON object (not an array, not null), or undefined. */
export function asObject(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

/** A finite number from a JSON number or a decimal string; anything else (hex, "Infinity", booleans) is undefined. */
export function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  // "1e999" is spelled like a number but is Infinity: no column can hold it.
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

// A NUL, or half of a UTF-16 surrogate pair, cannot be stored as text in PostgreSQL.
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored as it came, or null. */
export function textProblem(value: string): string | null {
  if (!UNSTORABLE_TEXT.test(value)) return null;
  return value.includes('\u0000') ? 'contains a NUL character' : 'contains an unpaired UTF-16 surrogate';
}

/**
 * Attribute keys and text values, at any depth, that could not be stored; each
 * as "attributes.key: what is wrong". A tracker sending one is refused alone,
 * before its fix can fail the write of everyone else's.
 */
export function attributeProblems(value: unknown, path = 'attributes', errors: string[] = []): string[] {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) errors.push(`${path}: ${problem}`);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) errors.push(`${path}: must be a finite number`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => attributeProblems(item, `${path}[${index}]`, errors));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      const name = keyProblem ? `${path}.${JSON.stringify(key)}` : `${path}.${key}`;
      if (keyProblem) errors.push(`${name}: its name ${keyProblem}`);
      attributeProblems(item, name, errors);
    }
  }
  return errors;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Reads a number whose rule is in target units while the wire value is in units × `scale`
 * (knots → km/h is 1.852), so the error names the range the sender actually has to meet.
 */
export function readNumber(name: string, raw: unknown, rule: NumberRule, errors: string[], scale = 1): number | null {
  if (isAbsent(raw)) {
    if (rule.required) errors.push(`${name}: is required`);
    return null;
  }
  const min = rule.min === undefined ? undefined : rule.min / scale;
  const max = rule.max === undefined ? undefined : rule.max / scale;
  const n = toNumber(raw);
  if (n === undefined || (min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range =
      min !== undefined && max !== undefined ? ` between ${min} and ${max}` : min !== undefined ? ` >= ${min}` : '';
    errors.push(`${name}: must be a number${range}`);
    return null;
  }
  return scale === 1 ? n : round3(n * scale);
}

// ISO 8601 extended form, or the same with a space; no zone means UTC (never the server's zone).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseDateTime(s: string): number | undefined {
  const m = DATE_TIME.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec = 0] = m.slice(1, 7).map((p) => Number(p ?? 0));
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  const check = new Date(local);
  // Date.UTC rolls 2024-02-30 over into March; a tracker sending that is broken, not early.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  const zone = m[8]?.toUpperCase();
  if (!zone || zone === 'Z') return local;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return local - sign * offsetMin * 60_000;
}

/** Above 1e11 a Unix time is milliseconds: as seconds it would be the year 5138. */
function toEpochMs(raw: unknown): number | undefined {
  const n = toNumber(raw);
  if (n !== undefined) return n < 0 ? undefined : n > 1e11 ? n : n * 1000;
  return typeof raw === 'string' ? parseDateTime(raw.trim()) : undefined;
}

/**
 * Unix seconds or milliseconds,
 * ISO 8601 or `yyyy-MM-dd HH:mm:ss` (UTC). Missing means "now" unless `required`.
 */
export function readTimestamp(name: string, raw: unknown, now: Date, errors: string[], required = false): Date {
  if (isAbsent(raw)) {
    if (required) errors.push(`${name}: is required`);
    return now;
  }
  const ms = toEpochMs(raw);
  if (ms === undefined || !Number.isFinite(ms)) {
    errors.push(`${name}: must be Unix seconds or milliseconds, ISO 8601 or yyyy-MM-dd HH:mm:ss`);
    return now;
  }
  if (ms - now.getTime() > MAX_FUTURE_MS) errors.push(`${name}: is more than 24 h ahead of the server clock`);
  return new Date(ms);
}

export function readDeviceId(name: string, raw: unknown, errors: string[]): string {
  const id = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
  if (id === '') errors.push(`${name}: is required`);
  else if (!DEVICE_ID.test(id)) errors.push(`${name}: must be 1 to 64 letters, digits or . _ : -`);
  return id;
}
