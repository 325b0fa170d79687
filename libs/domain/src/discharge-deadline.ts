import { assertNonNegative, assertPositive, assertValidDate } from './input-guards';

/** ASTM C94 and GB/T 14902 both allow 90 minutes from batching to end of discharge. */
export const DEFAULT_MAX_MINUTES_BATCH_TO_DISCHARGE = 90;
/** Discharge must end well before initial set, not at it: the next layer must still bond. */
export const DEFAULT_SAFETY_MARGIN_MINUTES = 30;

const MS_PER_MINUTE = 60_000;

export type DischargeLimit = 'max_age' | 'initial_setting';

export interface DischargeDeadlineInput {
  batchedAt: Date;
  maxMinutesBatchToDischarge?: number;
  initialSettingMinutes: number;
  safetyMarginMinutes?: number;
}

export interface DischargeDeadline {
  deadline: Date;
  limitedBy: DischargeLimit;
}

/**
 * The earlier of the age limit and initial setting less the margin. On a tie the
 * age limit is named, since that is the rule people quote. A margin as long as
 * the setting time leaves no usable life: the deadline is the batch time itself,
 * never before it.
 */
export function dischargeDeadline(input: DischargeDeadlineInput): DischargeDeadline {
  const maxMinutes = input.maxMinutesBatchToDischarge ?? DEFAULT_MAX_MINUTES_BATCH_TO_DISCHARGE;
  const marginMinutes = input.safetyMarginMinutes ?? DEFAULT_SAFETY_MARGIN_MINUTES;
  assertValidDate('batchedAt', input.batchedAt);
  assertPositive('maxMinutesBatchToDischarge', maxMinutes);
  assertPositive('initialSettingMinutes', input.initialSettingMinutes);
  assertNonNegative('safetyMarginMinutes', marginMinutes);

  const settingLimitMinutes = Math.max(0, input.initialSettingMinutes - marginMinutes);
  const limitedBy: DischargeLimit = settingLimitMinutes < maxMinutes ? 'initial_setting' : 'max_age';
  const minutes = limitedBy === 'max_age' ? maxMinutes : settingLimitMinutes;
  return { deadline: new Date(input.batchedAt.getTime() + minutes * MS_PER_MINUTE), limitedBy };
}

/** Fractional minutes left; negative once the deadline has passed. */
export function minutesToDeadline(deadline: Date, now: Date): number {
  assertValidDate('deadline', deadline);
  assertValidDate('now', now);
  return (deadline.getTime() - now.getTime()) / MS_PER_MINUTE;
}

/**
 * Fractional minutes since batching. A tracker or tablet clock a few seconds
 * ahead of the plant's would make fresh concrete "negative minutes old"; that
 * reads as 0.
 */
export function concreteAgeMinutes(batchedAt: Date, now: Date): number {
  assertValidDate('batchedAt', batchedAt);
  assertValidDate('now', now);
  return Math.max(0, (now.getTime() - batchedAt.getTime()) / MS_PER_MINUTE);
}

/** Discharge ending exactly at the deadline is still within it. */
export function isPastDeadline(deadline: Date, now: Date): boolean {
  return minutesToDeadline(deadline, now) < 0;
}
