import type { ImplausibleReadingError } from '@pourline/domain';
import { type ValidationIssue, type ValidationRule, VALIDATION_RULES } from './api-errors';

/** An issue as Standard Schema states it; zod's carry their code and bounds beside these fields. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

function pathOf(issue: SchemaIssue): string {
  return (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment))
    .join('.');
}

/** A field the request does not take, named in full, as a person fixing the request reads it. */
function describeUnknownFields(path: string, keys: readonly string[]): string {
  const names = keys.map((key) => `"${path ? `${path}.${key}` : key}"`).join(', ');
  return `unknown field${keys.length > 1 ? 's' : ''} ${names}: not part of this request`;
}

const finite = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
// zod states a length bound of a string or array as a bigint when it is one; dates as epoch milliseconds.
const bound = (value: unknown): number | undefined => (typeof value === 'bigint' ? Number(value) : finite(value));

const isRule = (value: unknown): value is ValidationRule => (VALIDATION_RULES as readonly unknown[]).includes(value);

function scalars(values: unknown): ValidationIssue['values'] {
  if (!Array.isArray(values)) return undefined;
  return values.filter(
    (value): value is string | number | boolean | null =>
      value === null || ['string', 'number', 'boolean'].includes(typeof value),
  );
}

/** What a request holds at an issue's path, as an issue names it: 'missing' when the field was left out. */
function receivedAt(value: unknown, issue: SchemaIssue): ValidationIssue['received'] {
  let current: unknown = value;
  for (const segment of issue.path ?? []) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    if (typeof current !== 'object' || current === null) return 'missing';
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  if (current === undefined) return 'missing';
  if (current === null) return 'null';
  if (Array.isArray(current)) return 'array';
  const type = typeof current;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** One issue as data: its field, its kind and the bounds it broke, for clients that word it themselves. */
export function toValidationIssue(issue: SchemaIssue, value?: unknown): ValidationIssue {
  const raw = issue as SchemaIssue & Record<string, unknown>;
  const path = pathOf(issue);
  const code = typeof raw.code === 'string' ? raw.code : 'custom';
  const keys = Array.isArray(raw.keys) ? raw.keys.map(String) : undefined;
  const params = (typeof raw.params === 'object' && raw.params !== null ? raw.params : {}) as Record<string, unknown>;
  const message = code === 'unrecognized_keys' && keys ? describeUnknownFields(path, keys) : issue.message;
  const result: ValidationIssue = { path, code, message };
  const fields: Partial<ValidationIssue> = {
    origin: typeof raw.origin === 'string' ? raw.origin : undefined,
    minimum: code === 'too_small' ? bound(raw.minimum) : finite(params.minimum),
    maximum: code === 'too_big' ? bound(raw.maximum) : finite(params.maximum),
    inclusive: typeof raw.inclusive === 'boolean' ? raw.inclusive : undefined,
    expected: typeof raw.expected === 'string' ? raw.expected : undefined,
    received: code === 'invalid_type' && value !== undefined ? receivedAt(value, issue) : undefined,
    keys,
    format: typeof raw.format === 'string' ? raw.format : undefined,
    values: scalars(raw.values),
    divisor: bound(raw.divisor),
    rule: isRule(params.rule) ? params.rule : undefined,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (result as unknown as Record<string, unknown>)[key] = value;
  }
  return result;
}

/** A slump the cone (or a spread the flow board) cannot show, as the bound of the slump field it broke. */
export function implausibleSlumpIssue(reading: ImplausibleReadingError): ValidationIssue {
  const { measuredMm, minimumMm, maximumMm, message } = reading;
  const bound =
    measuredMm > maximumMm ? { code: 'too_big', maximum: maximumMm } : { code: 'too_small', minimum: minimumMm };
  return { path: 'slumpMm', origin: 'number', inclusive: true, message, ...bound };
}
