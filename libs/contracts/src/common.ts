import { z } from 'zod';
import type { ValidationIssue } from './api-errors';

export const Uuid = z.uuid();

export const LatLng = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type LatLng = z.infer<typeof LatLng>;

/** GeoJSON position: [longitude, latitude]. */
const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const LineString = z.strictObject({
  type: z.literal('LineString'),
  coordinates: z.array(Position).min(2, 'a route needs at least two positions'),
});
export type LineString = z.infer<typeof LineString>;

const LinearRing = z
  .array(Position)
  .min(4, 'a polygon ring needs at least four positions')
  .refine((ring) => ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1], {
    message: 'a polygon ring must end where it starts',
    params: { rule: 'ring_not_closed' },
  });

export const Polygon = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(LinearRing).min(1),
});
export type Polygon = z.infer<typeof Polygon>;

export const TimeZone = z.string().refine(
  (name) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a known IANA time zone', params: { rule: 'unknown_time_zone' } },
);

export const IsoDateTime = z.iso.datetime({ offset: true });

/**
 * When the person took the action, by their device's clock: a tablet queues
 * actions while offline and sends them later. The server records and judges
 * the action at this time, within limits (a few minutes ahead at most, 24 h
 * old at most, never before the load's previous step), and keeps the time it
 * received it beside it.
 */
export const ObservedAt = IsoDateTime.optional();
export const IsoDate = z.iso.date();

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const IdParam = z.strictObject({ id: Uuid });
export type IdParam = z.infer<typeof IdParam>;

/** Shape of every error answer of the API. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  details?: string[];
  /** What was wrong with the request, one issue per field and rule, for screens that word it themselves. */
  issues?: ValidationIssue[];
  /** What a refusal is about, for screens that word it in the reader's language (see plan-sanity.ts). */
  facts?: Record<string, unknown>;
}

/**
 * The schema of a partial update: every field optional and, unlike zod's
 * `.partial()`, without defaults, so a field left out stays as it was.
 */
export function patchSchema<T extends z.ZodRawShape>(fields: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, schema]) => [
      key,
      schema instanceof z.ZodDefault ? schema.unwrap() : schema,
    ]),
  );
  return z.strictObject(shape).partial() as unknown as z.ZodObject<{ [K in keyof T]: z.ZodOptional<T[K]> }>;
}

// C0 controls other than tab and line breaks, and DEL: nothing a person types, and PostgreSQL refuses NUL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Half of a UTF-16 pair on its own: not a character, and not storable as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storable(text: z.ZodString) {
  return text
    .refine((value) => !CONTROL_CHARACTER.test(value), {
      message: 'must not contain control characters such as NUL',
      params: { rule: 'control_characters' },
    })
    .refine((value) => !LONE_SURROGATE.test(value), {
      message: 'must be valid Unicode text (it holds half of a character)',
      params: { rule: 'lone_surrogate' },
    });
}

/** Text a person typed, possibly empty: trimmed, printable, whole characters, at most `maxChars` of them. */
export function safeText(maxChars: number) {
  return storable(z.string().trim()).refine((text) => [...text].length <= maxChars, {
    message: `must be at most ${maxChars} characters`,
    params: { rule: 'too_long', maximum: maxChars },
  });
}

/** Text a person typed: trimmed, not empty, printable, whole characters, at most `maxChars` of them. */
export function plainText(maxChars: number, emptyMessage = 'must not be empty') {
  return safeText(maxChars).refine((text) => text.length > 0, { message: emptyMessage, params: { rule: 'empty' } });
}

/** A password or device secret: taken as typed (spaces count), printable, whole characters. */
export function secretText(minChars: number, maxChars: number) {
  return storable(
    z.string().min(minChars, `at least ${minChars} characters`).max(maxChars, `at most ${maxChars} characters`),
  );
}

/** A written reason, as every override, disposal, diversion and confirmation asks for: the API's one rule. */
export const REASON_MIN_CHARS = 10;
export const WrittenReason = safeText(1000).refine((text) => text.length >= REASON_MIN_CHARS, {
  message: `say why, in at least ${REASON_MIN_CHARS} characters`,
  params: { rule: 'reason_too_short', minimum: REASON_MIN_CHARS },
});

/** The fields of `fields` that `value` holds: a stored record checked again against its request schema. */
export function pickFields<T extends z.ZodRawShape>(fields: z.ZodObject<T>, value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => key in fields.shape));
}
