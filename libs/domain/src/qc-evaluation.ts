import { evaluateAirContent } from './air-content';
import { concreteAgeMinutes, type DischargeLimit, dischargeDeadline } from './discharge-deadline';
import { assertValidDate } from './input-guards';
import { formatNumber } from './numbers';
import type { RuleSet } from './rule-set';
import type { SlumpKind } from './slump-standard';
import { evaluateSlump } from './slump-tolerance';
import { evaluateTemperature } from './temperature';

export const QC_FAILURE_CODES = [
  'slump_out_of_tolerance',
  'temperature_out_of_range',
  'air_content_out_of_tolerance',
  'air_content_missing',
  'past_discharge_deadline',
] as const;
export type QcFailureCode = (typeof QC_FAILURE_CODES)[number];

/** The figures behind each failure, so every reader can have it in their own words. */
export interface QcReasonParams {
  slump_out_of_tolerance: { slumpKind: SlumpKind; measuredMm: number; designMm: number; toleranceMm: number };
  temperature_out_of_range: { measuredC: number; minC: number; maxC: number };
  air_content_out_of_tolerance: { measuredPercent: number; targetPercent: number; tolerancePercentagePoints: number };
  air_content_missing: { targetPercent: number };
  past_discharge_deadline: { ageMinutes: number; limitMinutes: number; limitedBy: DischargeLimit };
}

/** A failed check: its code, its figures, and an English sentence for readers of the API and the records. */
export type QcFailureReason = {
  [C in QcFailureCode]: { code: C; message: string; params: QcReasonParams[C] };
}[QcFailureCode];

/** A reason as stored: records made before reasons carried their figures have the sentence alone. */
export type RecordedQcFailureReason = {
  [C in QcFailureCode]: { code: C; message: string; params?: QcReasonParams[C] };
}[QcFailureCode];

export interface QcEvaluation {
  pass: boolean;
  reasons: QcFailureReason[];
}

/** One test of one load. Mix-level limits, when set, win over the rule set's. */
export interface QcTestInput {
  slumpKind: SlumpKind;
  designSlumpMm: number;
  measuredSlumpMm: number;
  slumpToleranceOverrideMm?: number | null;
  /** Not every test measures temperature; absent means not checked. */
  temperatureC?: number | null;
  mixMinTemperatureC?: number | null;
  mixMaxTemperatureC?: number | null;
  airEntrained: boolean;
  targetAirPercent?: number | null;
  airPercent?: number | null;
  batchedAt: Date;
  testedAt: Date;
  initialSettingMinutes: number;
  mixMaxMinutesBatchToDischarge?: number | null;
}

const SLUMP_LABEL: Record<SlumpKind, string> = { slump: 'slump', slump_flow: 'slump flow' };

/**
 * What the test can show at all. A slump cone is 300 mm tall, so concrete cannot slump further; a
 * slump-flow spread starts at the cone's 200 mm base and the board is 1000 mm across. A reading
 * outside is a typo or a misread, caught before it becomes an append-only failed record.
 */
export const SLUMP_READING_RANGE_MM: Readonly<Record<SlumpKind, { min: number; max: number }>> = {
  slump: { min: 0, max: 300 },
  slump_flow: { min: 200, max: 900 },
};

/** A reading the test cannot show: refused with the bounds it broke, for the reader's own words. */
export class ImplausibleReadingError extends RangeError {
  constructor(
    readonly slumpKind: SlumpKind,
    readonly measuredMm: number,
    readonly minimumMm: number,
    readonly maximumMm: number,
  ) {
    const label = SLUMP_LABEL[slumpKind];
    super(
      `${label} ${formatNumber(measuredMm)} mm cannot be read on the ${slumpKind === 'slump' ? 'cone' : 'flow board'}: ${label} is between ${minimumMm} and ${maximumMm} mm`,
    );
    this.name = 'ImplausibleReadingError';
  }
}

function assertPlausibleSlump(input: QcTestInput): void {
  const { min, max } = SLUMP_READING_RANGE_MM[input.slumpKind];
  const measured = input.measuredSlumpMm;
  if (Number.isFinite(measured) && measured >= min && measured <= max) return;
  throw new ImplausibleReadingError(input.slumpKind, measured, min, max);
}
const MS_PER_MINUTE = 60_000;

function slumpReason(input: QcTestInput, rules: RuleSet): QcFailureReason | null {
  const slump = evaluateSlump({
    standard: rules.standard,
    kind: input.slumpKind,
    designMm: input.designSlumpMm,
    measuredMm: input.measuredSlumpMm,
    toleranceOverrideMm: input.slumpToleranceOverrideMm,
  });
  if (slump.pass) return null;
  const label = SLUMP_LABEL[input.slumpKind];
  return {
    code: 'slump_out_of_tolerance',
    params: {
      slumpKind: input.slumpKind,
      measuredMm: input.measuredSlumpMm,
      designMm: input.designSlumpMm,
      toleranceMm: slump.toleranceMm,
    },
    message: `${label} ${formatNumber(input.measuredSlumpMm)} mm outside ${formatNumber(input.designSlumpMm)} ± ${formatNumber(slump.toleranceMm)} mm`,
  };
}

function temperatureReason(input: QcTestInput, rules: RuleSet): QcFailureReason | null {
  if (input.temperatureC === undefined || input.temperatureC === null) return null;
  const temperature = evaluateTemperature({
    measuredC: input.temperatureC,
    minC: input.mixMinTemperatureC ?? rules.minTemperatureC,
    maxC: input.mixMaxTemperatureC ?? rules.maxTemperatureC,
  });
  if (temperature.pass) return null;
  return {
    code: 'temperature_out_of_range',
    params: { measuredC: input.temperatureC, minC: temperature.minC, maxC: temperature.maxC },
    message: `temperature ${formatNumber(input.temperatureC)} °C outside ${formatNumber(temperature.minC)}–${formatNumber(temperature.maxC)} °C`,
  };
}

function airReason(input: QcTestInput, rules: RuleSet): QcFailureReason | null {
  if (!input.airEntrained) return null;
  const target = input.targetAirPercent;
  if (target === undefined || target === null) {
    throw new RangeError('an air-entrained mix needs a target air content');
  }
  if (input.airPercent === undefined || input.airPercent === null) {
    return {
      code: 'air_content_missing',
      params: { targetPercent: target },
      message: `air content not measured on an air-entrained mix (target ${formatNumber(target)} %)`,
    };
  }
  const air = evaluateAirContent({
    targetPercent: target,
    measuredPercent: input.airPercent,
    tolerancePercentagePoints: rules.airTolerancePercentagePoints,
  });
  if (air.pass) return null;
  return {
    code: 'air_content_out_of_tolerance',
    params: {
      measuredPercent: input.airPercent,
      targetPercent: target,
      tolerancePercentagePoints: air.tolerancePercentagePoints,
    },
    message: `air content ${formatNumber(input.airPercent)} % outside ${formatNumber(target)} ± ${formatNumber(air.tolerancePercentagePoints)} %`,
  };
}

function ageReason(input: QcTestInput, rules: RuleSet): QcFailureReason | null {
  assertValidDate('testedAt', input.testedAt);
  const { deadline, limitedBy } = dischargeDeadline({
    batchedAt: input.batchedAt,
    maxMinutesBatchToDischarge: input.mixMaxMinutesBatchToDischarge ?? rules.maxMinutesBatchToDischarge,
    initialSettingMinutes: input.initialSettingMinutes,
    safetyMarginMinutes: rules.safetyMarginMinutes,
  });
  if (input.testedAt.getTime() <= deadline.getTime()) return null;
  const ageMinutes = concreteAgeMinutes(input.batchedAt, input.testedAt);
  const limitMinutes = (deadline.getTime() - input.batchedAt.getTime()) / MS_PER_MINUTE;
  const why = limitedBy === 'max_age' ? 'maximum age' : 'initial setting less safety margin';
  return {
    code: 'past_discharge_deadline',
    params: { ageMinutes, limitMinutes, limitedBy },
    message: `concrete ${formatNumber(ageMinutes)} min old, past its ${formatNumber(limitMinutes)} min discharge limit (${why})`,
  };
}

/** Every check runs, so the inspector sees all that is wrong with a load at once. */
export function evaluateQcTest(input: QcTestInput, rules: RuleSet): QcEvaluation {
  assertPlausibleSlump(input);
  const reasons = [slumpReason, temperatureReason, airReason, ageReason]
    .map((check) => check(input, rules))
    .filter((reason): reason is QcFailureReason => reason !== null);
  return { pass: reasons.length === 0, reasons };
}
