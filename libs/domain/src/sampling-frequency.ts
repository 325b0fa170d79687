import { assertNonNegative, assertPositive } from './input-guards';
import { COMPARISON_EPSILON } from './numbers';

/** GB 50204 practice: one specimen set per this much concrete of a pour and mix. */
export const SAMPLING_INTERVAL_M3 = 100;
/** A continuous pour past this volume is sampled less densely... */
export const LARGE_CONTINUOUS_POUR_THRESHOLD_M3 = 1000;
/** ...at one set per this much concrete. */
export const LARGE_CONTINUOUS_POUR_INTERVAL_M3 = 200;

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

/**
 * Sets the volume alone calls for once `volumeM3` has been poured. Every started
 * interval needs its set, so the first load is always sampled. For a continuous
 * pour past 1,000 m³ we read the relaxation as applying to the part above 1,000
 * m³ (the first 1,000 stay at one per 100), the commonly applied reading and the
 * stricter one: it never asks for fewer sets than one per 200 m³ over the whole.
 * Because of that reading the crossing of 1,000 m³ itself decides, and the
 * planned volume is not needed.
 */
export function specimenSetsRequiredForVolume(volumeM3: number, continuous: boolean): number {
  assertNonNegative('volumeM3', volumeM3);
  // 8.3 m³ loads summed in floating point must not "cross" 100 m³ at 100.0000001.
  const intervals = (volume: number, intervalM3: number) =>
    Math.max(0, Math.ceil(volume / intervalM3 - COMPARISON_EPSILON));
  if (!continuous || volumeM3 <= LARGE_CONTINUOUS_POUR_THRESHOLD_M3) {
    return intervals(volumeM3, SAMPLING_INTERVAL_M3);
  }
  return (
    LARGE_CONTINUOUS_POUR_THRESHOLD_M3 / SAMPLING_INTERVAL_M3 +
    intervals(volumeM3 - LARGE_CONTINUOUS_POUR_THRESHOLD_M3, LARGE_CONTINUOUS_POUR_INTERVAL_M3)
  );
}

export interface SpecimenPlanInput {
  plannedVolumeM3: number;
  continuous: boolean;
  /** Shifts the pour spans; every one needs a set of its own. */
  shifts?: number;
}

/** The minimum for planning: by volume, but never fewer than one per shift. */
export function requiredSpecimenSets(input: SpecimenPlanInput): number {
  const shifts = input.shifts ?? 1;
  if (!isPositiveInteger(shifts)) throw new RangeError(`shifts must be a whole number of at least 1, got ${shifts}`);
  return Math.max(specimenSetsRequiredForVolume(input.plannedVolumeM3, input.continuous), shifts);
}

export interface LoadSamplingInput {
  /** Volume of this pour and mix dispatched before this load. */
  cumulativeVolumeBeforeM3: number;
  loadVolumeM3: number;
  setsTakenSoFar: number;
  continuous: boolean;
  isFirstLoadOfShift: boolean;
  /**
   * Sets already taken in the current shift. When given it decides the shift
   * rule, so a shift whose first load went unsampled still gets its set from
   * the next one.
   */
  setsTakenThisShift?: number;
}

/** Asked once per load, before it leaves: should the site make a specimen set from it? */
export function isLoadDueForSampling(input: LoadSamplingInput): boolean {
  assertNonNegative('cumulativeVolumeBeforeM3', input.cumulativeVolumeBeforeM3);
  assertPositive('loadVolumeM3', input.loadVolumeM3);
  assertNonNegative('setsTakenSoFar', input.setsTakenSoFar);
  const shiftHasSet = input.setsTakenThisShift === undefined ? !input.isFirstLoadOfShift : input.setsTakenThisShift > 0;
  if (!shiftHasSet) return true;
  const volumeAfterM3 = input.cumulativeVolumeBeforeM3 + input.loadVolumeM3;
  return specimenSetsRequiredForVolume(volumeAfterM3, input.continuous) > input.setsTakenSoFar;
}
