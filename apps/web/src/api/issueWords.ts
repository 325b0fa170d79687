import { type SchemaIssue, toValidationIssue, type ValidationIssue } from '@pourline/contracts';
import type { TranslationValues } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';

type Translate = (key: MessageKey, values?: TranslationValues) => string;

/** Fields people type into, by their own label and the unit their bounds are stated in. */
const FIELDS: Readonly<Record<string, { label: MessageKey; unit?: string }>> = {
  slumpMm: { label: 'field.slumpMm', unit: 'mm' },
  slumpTargetMm: { label: 'field.slumpTargetMm', unit: 'mm' },
  temperatureC: { label: 'field.temperatureC', unit: '°C' },
  airPercent: { label: 'field.airPercent', unit: '%' },
  volumeM3: { label: 'field.volumeM3', unit: 'm³' },
  litres: { label: 'field.litres', unit: 'L' },
  remarks: { label: 'field.remarks' },
  overOrderReason: { label: 'field.overOrderReason' },
  overrideReason: { label: 'field.reason' },
  truckId: { label: 'field.truckId' },
  pourId: { label: 'field.pourId' },
  title: { label: 'field.title' },
  type: { label: 'field.type' },
  file: { label: 'field.file' },
  note: { label: 'field.note' },
  reason: { label: 'field.reason' },
  deliveredTo: { label: 'field.deliveredTo' },
  structuralElement: { label: 'field.structuralElement' },
  scheduledStart: { label: 'field.scheduledStart' },
  name: { label: 'field.name' },
  username: { label: 'field.username' },
  password: { label: 'field.password' },
  displayName: { label: 'field.displayName' },
  signerName: { label: 'field.signerName' },
  text: { label: 'field.text' },
  description: { label: 'field.description' },
};

/** The last named segment of a path: `items.0.volumeM3` is about a volume. */
function fieldName(path: string): string {
  const named = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  return named[named.length - 1] ?? '';
}

/** A field by its label in the reader's language, or by its name in the request when it has none. */
export function fieldLabel(path: string, t: Translate): string {
  if (path === '') return t('validation.request');
  const field = FIELDS[fieldName(path)];
  return field ? t(field.label) : path;
}

function withUnit(path: string, value: number): string {
  const unit = FIELDS[fieldName(path)]?.unit;
  return unit ? `${value} ${unit}` : String(value);
}

const TYPES = new Set(['string', 'number', 'boolean', 'array', 'object']);
const FORMATS = new Set(['datetime', 'date', 'uuid', 'email']);

function bounded(issue: ValidationIssue, field: string, t: Translate): string {
  const big = issue.code === 'too_big';
  const bound = big ? issue.maximum : issue.minimum;
  if (bound === undefined) return t('validation.other', { field, message: issue.message });
  switch (issue.origin) {
    case 'string':
      if (!big && bound <= 1) return t('validation.empty', { field });
      return t(big ? 'validation.tooLong' : 'validation.tooShort', { field, count: bound });
    case 'array':
    case 'set':
      return t(big ? 'validation.tooMany' : 'validation.tooFew', { field, count: bound });
    case 'date':
      return t(big ? 'validation.tooLate' : 'validation.tooEarly', { field });
    default: {
      const value = withUnit(issue.path, bound);
      const inclusive = issue.inclusive !== false;
      if (big) return t(inclusive ? 'validation.atMost' : 'validation.lessThan', { field, value });
      return t(inclusive ? 'validation.atLeast' : 'validation.moreThan', { field, value });
    }
  }
}

function ruleBroken(issue: ValidationIssue, field: string, t: Translate): string {
  switch (issue.rule) {
    case 'empty':
      return t('validation.empty', { field });
    case 'too_long':
      return issue.maximum === undefined
        ? t('validation.other', { field, message: issue.message })
        : t('validation.tooLong', { field, count: issue.maximum });
    case 'reason_too_short':
      return issue.minimum === undefined
        ? t('validation.other', { field, message: issue.message })
        : t('validation.reasonTooShort', { field, count: issue.minimum });
    case 'control_characters':
      return t('validation.controlCharacters', { field });
    case 'lone_surrogate':
      return t('validation.loneSurrogate', { field });
    case 'ring_not_closed':
      return t('validation.rule.ringNotClosed', { field });
    case 'unknown_time_zone':
      return t('validation.rule.unknownTimeZone', { field });
    case 'nothing_to_change':
      return t('validation.rule.nothingToChange', { field });
    case 'line_pump_boom':
      return t('validation.rule.linePumpBoom', { field });
    case 'water_cement_ratio':
      return t('validation.rule.waterCementRatio', { field });
    case 'air_target_needed':
      return t('validation.rule.airTargetNeeded', { field });
    case 'pump_position_needed':
      return t('validation.rule.pumpPositionNeeded', { field });
    case 'cube_size':
      return t('validation.rule.cubeSize', { field });
    case 'named_twice':
      return t('validation.rule.namedTwice', { field });
    case 'from_after_to':
      return t('validation.rule.fromAfterTo', { field });
    case 'customer_link_needed':
      return t('validation.rule.customerLinkNeeded', { field });
    case 'customer_only':
      return t('validation.rule.customerOnly', { field });
    case undefined:
      return t('validation.other', { field, message: issue.message });
  }
}

/** One issue of a refused request in the reader's language: the field's label, then what it must be. */
export function describeIssue(issue: ValidationIssue, t: Translate): string {
  const field = fieldLabel(issue.path, t);
  switch (issue.code) {
    case 'too_big':
    case 'too_small':
      return bounded(issue, field, t);
    case 'invalid_type': {
      if (issue.received === 'missing') return t('validation.required', { field });
      const expected = issue.expected && TYPES.has(issue.expected) ? issue.expected : 'other';
      return t('validation.expected', { field, expected: t(`validation.type.${expected}` as MessageKey) });
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).map((key) => (issue.path ? `${issue.path}.${key}` : key));
      return t('validation.unknownFields', { count: keys.length, fields: keys.join(t('common.listSeparator')) });
    }
    case 'invalid_format': {
      const format = issue.format && FORMATS.has(issue.format) ? issue.format : 'other';
      return t(`validation.format.${format}` as MessageKey, { field });
    }
    case 'invalid_value':
      return t('validation.oneOf', { field, values: (issue.values ?? []).map(String).join(t('common.listSeparator')) });
    case 'not_multiple_of':
      return t('validation.multipleOf', { field, divisor: issue.divisor ?? '' });
    case 'custom':
      return ruleBroken(issue, field, t);
    default:
      return t('validation.other', { field, message: issue.message });
  }
}

/**
 * An issue shown beside its field: worded when the schema states a bound, a type or a named rule;
 * undefined for a rule of the request's own that the schema words alone.
 */
export function describeFieldIssue(issue: ValidationIssue, t: Translate): string | undefined {
  if (issue.code === 'custom' && !issue.rule) return undefined;
  return describeIssue(issue, t);
}

export function describeIssues(issues: readonly ValidationIssue[], t: Translate): string[] {
  return issues.map((issue) => describeIssue(issue, t));
}

/**
 * A form's own check against the request schema, worded like the API's refusal of the same request:
 * the console checks before sending with the very schema the API checks with.
 */
export function describeSchemaIssues(issues: readonly SchemaIssue[], t: Translate, input?: unknown): string {
  return describeIssues(
    issues.map((issue) => toValidationIssue(issue, input)),
    t,
  ).join(t('validation.issueSeparator'));
}
