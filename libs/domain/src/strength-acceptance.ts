import { assertNonNegative } from './input-guards';
import { isAtLeast } from './numbers';
import { stableHash } from './stable-hash';
import { exactDecimal, meanOf, roundToHundredth, roundToTenth, sampleStandardDeviation } from './strength-statistics';

/**
 * Strength acceptance of an inspection lot by GB/T 50107-2010 "Standard for
 * evaluation of concrete compressive strength", clause 5: two statistical
 * methods and the non-statistical one, on the lot's set values (see
 * specimen-set-strength.ts).
 */
export const STRENGTH_STANDARD = 'GB/T 50107-2010';

export const STRENGTH_METHODS = ['statistical_known_sigma', 'statistical_unknown_sigma', 'non_statistical'] as const;
export type StrengthMethod = (typeof STRENGTH_METHODS)[number];

/** 5.2: the non-statistical method holds for fewer sets than 10. */
export const MAX_SETS_NON_STATISTICAL = 9;
/** 5.1.3: the unknown-σ method takes a lot of 10 sets or more. */
export const MIN_SETS_UNKNOWN_SIGMA = 10;
/** 5.1.1: with σ0 known, a lot is 3 consecutive sets. */
export const KNOWN_SIGMA_LOT_SETS = 3;
/** 5.1.1 and 5.1.3: a standard deviation computed below this is taken as this. */
export const MIN_STANDARD_DEVIATION_MPA = 2.5;
/** 5.1.1: mean ≥ f_cu,k + 0.7 σ0 and minimum ≥ f_cu,k − 0.7 σ0. */
export const KNOWN_SIGMA_FACTOR = 0.7;
/** Up to and including this grade the known-σ minimum is 0.85 f_cu,k; above it 0.90. */
export const LOW_STRENGTH_GRADE_MPA = 20;
/** From this grade the non-statistical mean factor λ3 drops to 1.10. */
export const HIGH_STRENGTH_GRADE_MPA = 60;

/** 'C30' → 30, the characteristic cube strength f_cu,k in MPa. */
export function parseStrengthGrade(grade: string): number {
  const match = /^C(\d{1,3})$/.exec(typeof grade === 'string' ? grade.trim() : '');
  const mpa = match ? Number(match[1]) : NaN;
  if (!match || mpa < 5 || mpa > 150) {
    throw new RangeError(`"${String(grade)}" is not a strength grade such as C30`);
  }
  return mpa;
}

/** λ3 and λ4 of GB/T 50107, table 5.2.2. */
export function nonStatisticalFactors(gradeMpa: number): { lambda3: number; lambda4: number } {
  return gradeMpa < HIGH_STRENGTH_GRADE_MPA ? { lambda3: 1.15, lambda4: 0.95 } : { lambda3: 1.1, lambda4: 0.95 };
}

/** λ1 and λ2 of GB/T 50107, table 5.1.4, by the number of sets in the lot. */
export function unknownSigmaFactors(sets: number): { lambda1: number; lambda2: number } {
  if (!Number.isInteger(sets) || sets < MIN_SETS_UNKNOWN_SIGMA) {
    throw new RangeError(`the unknown-σ method takes ${MIN_SETS_UNKNOWN_SIGMA} sets or more, got ${sets}`);
  }
  if (sets <= 14) return { lambda1: 1.15, lambda2: 0.9 };
  if (sets <= 19) return { lambda1: 1.05, lambda2: 0.85 };
  return { lambda1: 0.95, lambda2: 0.85 };
}

/** 5.1.1-4 and 5.1.1-5: the known-σ minimum as a share of f_cu,k, split at C20. */
export function knownSigmaMinimumFactor(gradeMpa: number): number {
  return gradeMpa <= LOW_STRENGTH_GRADE_MPA ? 0.85 : 0.9;
}

/** The lot's size and the plant's record decide: σ0 known and 3 sets, 10 sets or more, else fewer. */
export function chooseStrengthMethod(sets: number, sigma0Known: boolean): StrengthMethod {
  if (sets === KNOWN_SIGMA_LOT_SETS && sigma0Known) return 'statistical_known_sigma';
  return sets >= MIN_SETS_UNKNOWN_SIGMA ? 'statistical_unknown_sigma' : 'non_statistical';
}

/** Everything a method's answer depends on; any change to it is a new version. */
const METHOD_PARAMETERS: Record<StrengthMethod, unknown> = {
  statistical_known_sigma: {
    lotSets: KNOWN_SIGMA_LOT_SETS,
    sigmaFactor: KNOWN_SIGMA_FACTOR,
    minSigmaMpa: MIN_STANDARD_DEVIATION_MPA,
    minGradeFactor: { upToC20: 0.85, aboveC20: 0.9 },
    rounding: { mean: 0.1, sigma: 0.01 },
  },
  statistical_unknown_sigma: {
    minSets: MIN_SETS_UNKNOWN_SIGMA,
    lambda1: { '10-14': 1.15, '15-19': 1.05, '20+': 0.95 },
    lambda2: { '10-14': 0.9, '15+': 0.85 },
    minSigmaMpa: MIN_STANDARD_DEVIATION_MPA,
    rounding: { mean: 0.1, sigma: 0.01 },
  },
  non_statistical: {
    maxSets: MAX_SETS_NON_STATISTICAL,
    lambda3: { belowC60: 1.15, fromC60: 1.1 },
    lambda4: 0.95,
    rounding: { mean: 0.1 },
  },
};

/** A short stable id stored beside every verdict, e.g. "gbt50107-unknown_sigma-0f3a9c1b2d4e5f". */
export function strengthMethodVersion(method: StrengthMethod): string {
  const short = method.replace('statistical_', '');
  return `gbt50107-${short}-${stableHash({ standard: STRENGTH_STANDARD, method, parameters: METHOD_PARAMETERS[method] })}`;
}

export interface StrengthFactors {
  lambda1?: number;
  lambda2?: number;
  lambda3?: number;
  lambda4?: number;
  /** 0.7, the σ0 multiple of the known-σ method. */
  sigmaFactor?: number;
  /** 0.85 up to C20, 0.90 above: the known-σ minimum as a share of f_cu,k. */
  minGradeFactor?: number;
}

export interface StrengthEvaluation {
  method: StrengthMethod;
  methodVersion: string;
  pass: boolean;
  meanPass: boolean;
  minPass: boolean;
  sets: number;
  gradeMpa: number;
  /** m_fcu, to 0.1 MPa. */
  meanMpa: number;
  /** f_cu,min, to 0.1 MPa. */
  minMpa: number;
  requiredMeanMpa: number;
  requiredMinMpa: number;
  /** S_fcu or σ0 as used, after the 2.5 MPa floor, to 0.01; null for the non-statistical method. */
  standardDeviationMpa: number | null;
  /** S_fcu or σ0 as computed, before the floor. */
  computedStandardDeviationMpa: number | null;
  factors: StrengthFactors;
}

export interface StrengthResults {
  grade: string;
  /** The lot's set values, f_cu,i, in MPa. */
  resultsMpa: readonly number[];
}

function checked(input: StrengthResults) {
  const gradeMpa = parseStrengthGrade(input.grade);
  if (input.resultsMpa.length === 0) throw new RangeError('no strength results to evaluate');
  input.resultsMpa.forEach((result, index) => assertNonNegative(`strength result ${index + 1} (MPa)`, result));
  return {
    gradeMpa,
    sets: input.resultsMpa.length,
    meanMpa: roundToTenth(meanOf(input.resultsMpa)),
    minMpa: roundToTenth(Math.min(...input.resultsMpa)),
  };
}

function verdict(
  method: StrengthMethod,
  figures: ReturnType<typeof checked>,
  limits: Pick<
    StrengthEvaluation,
    'requiredMeanMpa' | 'requiredMinMpa' | 'standardDeviationMpa' | 'computedStandardDeviationMpa' | 'factors'
  >,
): StrengthEvaluation {
  const requiredMeanMpa = exactDecimal(limits.requiredMeanMpa);
  const requiredMinMpa = exactDecimal(limits.requiredMinMpa);
  const meanPass = isAtLeast(figures.meanMpa, requiredMeanMpa);
  const minPass = isAtLeast(figures.minMpa, requiredMinMpa);
  return {
    method,
    methodVersion: strengthMethodVersion(method),
    pass: meanPass && minPass,
    meanPass,
    minPass,
    ...figures,
    ...limits,
    requiredMeanMpa,
    requiredMinMpa,
  };
}

/** 5.2: fewer than 10 sets; mean ≥ λ3·f_cu,k and minimum ≥ λ4·f_cu,k. */
export function evaluateNonStatistical(input: StrengthResults): StrengthEvaluation {
  const figures = checked(input);
  if (figures.sets > MAX_SETS_NON_STATISTICAL) {
    throw new RangeError(
      `${figures.sets} sets call for a statistical method; the non-statistical method takes fewer than 10`,
    );
  }
  const { lambda3, lambda4 } = nonStatisticalFactors(figures.gradeMpa);
  return verdict('non_statistical', figures, {
    requiredMeanMpa: lambda3 * figures.gradeMpa,
    requiredMinMpa: lambda4 * figures.gradeMpa,
    standardDeviationMpa: null,
    computedStandardDeviationMpa: null,
    factors: { lambda3, lambda4 },
  });
}

/** 5.1.3: 10 sets or more; mean ≥ f_cu,k + λ1·S_fcu and minimum ≥ λ2·f_cu,k, S taken as 2.5 MPa when below. */
export function evaluateUnknownSigma(input: StrengthResults): StrengthEvaluation {
  const figures = checked(input);
  const { lambda1, lambda2 } = unknownSigmaFactors(figures.sets);
  const computed = roundToHundredth(sampleStandardDeviation(input.resultsMpa));
  const used = Math.max(computed, MIN_STANDARD_DEVIATION_MPA);
  return verdict('statistical_unknown_sigma', figures, {
    requiredMeanMpa: figures.gradeMpa + lambda1 * used,
    requiredMinMpa: lambda2 * figures.gradeMpa,
    standardDeviationMpa: used,
    computedStandardDeviationMpa: computed,
    factors: { lambda1, lambda2 },
  });
}

export interface KnownSigmaInput extends StrengthResults {
  /** σ0 from the plant's previous period (see strength-record.ts), as computed. */
  sigma0Mpa: number;
}

/**
 * 5.1.1: 3 consecutive sets of stable production; mean ≥ f_cu,k + 0.7σ0 and
 * minimum ≥ f_cu,k − 0.7σ0, the minimum also ≥ 0.85 f_cu,k up to C20 or
 * ≥ 0.90 f_cu,k above; σ0 taken as 2.5 MPa when below.
 */
export function evaluateKnownSigma(input: KnownSigmaInput): StrengthEvaluation {
  const figures = checked(input);
  if (figures.sets !== KNOWN_SIGMA_LOT_SETS) {
    throw new RangeError(`the known-σ method judges lots of ${KNOWN_SIGMA_LOT_SETS} sets, got ${figures.sets}`);
  }
  assertNonNegative('σ0 (MPa)', input.sigma0Mpa);
  const computed = roundToHundredth(input.sigma0Mpa);
  const used = Math.max(computed, MIN_STANDARD_DEVIATION_MPA);
  const minGradeFactor = knownSigmaMinimumFactor(figures.gradeMpa);
  return verdict('statistical_known_sigma', figures, {
    requiredMeanMpa: figures.gradeMpa + KNOWN_SIGMA_FACTOR * used,
    requiredMinMpa: Math.max(figures.gradeMpa - KNOWN_SIGMA_FACTOR * used, minGradeFactor * figures.gradeMpa),
    standardDeviationMpa: used,
    computedStandardDeviationMpa: computed,
    factors: { sigmaFactor: KNOWN_SIGMA_FACTOR, minGradeFactor },
  });
}

export interface StrengthEvaluationInput extends StrengthResults {
  /** σ0 from the plant's record, when it has one; null or absent when it has not. */
  sigma0Mpa?: number | null;
}

/** Judges a lot by the method its size and the plant's record call for. */
export function evaluateStrength(input: StrengthEvaluationInput): StrengthEvaluation {
  const sigma0 = input.sigma0Mpa ?? null;
  switch (chooseStrengthMethod(input.resultsMpa.length, sigma0 !== null)) {
    case 'statistical_known_sigma':
      return evaluateKnownSigma({ ...input, sigma0Mpa: sigma0! });
    case 'statistical_unknown_sigma':
      return evaluateUnknownSigma(input);
    case 'non_statistical':
      return evaluateNonStatistical(input);
  }
}
