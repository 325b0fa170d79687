import { assertFinite, assertPositive } from './input-guards';
import { HIGH_STRENGTH_GRADE_MPA } from './strength-acceptance';
import { roundToHundredth, roundToTenth } from './strength-statistics';

/**
 * Drift of a mix's production strength, watched by a lower one-sided CUSUM of
 * its (actual or predicted) 28-day set values against the target mean
 * strength the mix is designed for (JGJ 55-2011 4.0.1: f_cu,0 = f_cu,k +
 * 1.645σ below C60, 1.15 f_cu,k from C60). A run below target − k adds up; past
 * the decision interval h the production has drifted.
 */
export const CUSUM_ALLOWANCE_SIGMAS = 0.5;
export const CUSUM_DECISION_SIGMAS = 4;
/** JGJ 55-2011 4.0.2: a plant's σ comes from at least 30 sets of the grade. */
export const MIN_SETS_FOR_DESIGN_SIGMA = 30;

/** JGJ 55-2011 table 4.0.2, σ without a record: 4.0 MPa up to C20, 5.0 C25–C45, 6.0 from C50. */
export function defaultDesignSigmaMpa(gradeMpa: number): number {
  if (gradeMpa <= 20) return 4.0;
  return gradeMpa <= 45 ? 5.0 : 6.0;
}

/**
 * σ for the target: the plant's own from 30 sets or more, not below 3.0 MPa up
 * to C30 nor 4.0 MPa above; the table's value without such a record.
 */
export function designSigmaMpa(gradeMpa: number, record: { sigmaMpa: number; sets: number } | null): number {
  if (!record || record.sets < MIN_SETS_FOR_DESIGN_SIGMA) return defaultDesignSigmaMpa(gradeMpa);
  return Math.max(roundToHundredth(record.sigmaMpa), gradeMpa <= 30 ? 3.0 : 4.0);
}

export function targetMeanStrengthMpa(gradeMpa: number, sigmaMpa: number): number {
  assertPositive('grade (MPa)', gradeMpa);
  return gradeMpa >= HIGH_STRENGTH_GRADE_MPA
    ? roundToTenth(1.15 * gradeMpa)
    : roundToTenth(gradeMpa + 1.645 * sigmaMpa);
}

export interface CusumPoint {
  valueMpa: number;
  /** C⁻, the shortfall added up so far, to 0.01 MPa. */
  cusumMpa: number;
  signal: boolean;
}

export interface CusumChart {
  targetMpa: number;
  sigmaMpa: number;
  /** k: shortfalls smaller than this are not counted. */
  allowanceMpa: number;
  /** h: a sum past this is drift. */
  decisionIntervalMpa: number;
  points: CusumPoint[];
  /** Each run above zero that crossed h: where it began and where it crossed. One drift, one warning. */
  signalRuns: { startIndex: number; signalIndex: number }[];
}

export function lowerCusum(values: readonly number[], targetMpa: number, sigmaMpa: number): CusumChart {
  assertPositive('σ (MPa)', sigmaMpa);
  assertFinite('target (MPa)', targetMpa);
  const allowanceMpa = roundToHundredth(CUSUM_ALLOWANCE_SIGMAS * sigmaMpa);
  const decisionIntervalMpa = roundToHundredth(CUSUM_DECISION_SIGMAS * sigmaMpa);
  let sum = 0;
  let runStart = 0;
  const signalRuns: CusumChart['signalRuns'] = [];
  const points = values.map((valueMpa, index) => {
    assertFinite(`value ${index + 1} (MPa)`, valueMpa);
    if (sum === 0) runStart = index;
    sum = Math.max(0, sum + (targetMpa - allowanceMpa) - valueMpa);
    const cusumMpa = roundToHundredth(sum);
    const signal = cusumMpa > decisionIntervalMpa;
    if (signal && signalRuns.at(-1)?.startIndex !== runStart)
      signalRuns.push({ startIndex: runStart, signalIndex: index });
    return { valueMpa, cusumMpa, signal };
  });
  return { targetMpa, sigmaMpa, allowanceMpa, decisionIntervalMpa, points, signalRuns };
}
