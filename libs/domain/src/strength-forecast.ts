import { assertPositive } from './input-guards';
import { type StrengthEvaluation, evaluateStrength } from './strength-acceptance';
import { meanOf, roundToTenth, sampleStandardDeviation } from './strength-statistics';

/**
 * 28-day strength foretold from 7-day results, by the ratio the plant's own
 * 7/28-day pairs of the same mix show: f28 ≈ r̄ · f7, with the ratios' spread
 * as the band. Too few pairs foretell nothing.
 */
export const MIN_PAIRS_FOR_FORECAST = 10;

export interface StrengthPair {
  sevenDayMpa: number;
  twentyEightDayMpa: number;
}

export interface StrengthRatioFit {
  pairs: number;
  /** r̄, the mean of f28 / f7, to 0.001. */
  ratio: number;
  /** The sample standard deviation of the ratios, to 0.001. */
  ratioSpread: number;
}

const toThousandth = (value: number) => Math.round(value * 1000) / 1000;

export function fitSevenToTwentyEightDayRatio(pairs: readonly StrengthPair[]): StrengthRatioFit | null {
  if (pairs.length < MIN_PAIRS_FOR_FORECAST) return null;
  const ratios = pairs.map((pair, index) => {
    assertPositive(`7-day strength of pair ${index + 1} (MPa)`, pair.sevenDayMpa);
    assertPositive(`28-day strength of pair ${index + 1} (MPa)`, pair.twentyEightDayMpa);
    return pair.twentyEightDayMpa / pair.sevenDayMpa;
  });
  return {
    pairs: pairs.length,
    ratio: toThousandth(meanOf(ratios)),
    ratioSpread: toThousandth(sampleStandardDeviation(ratios)),
  };
}

export interface StrengthPrediction {
  predictedMpa: number;
  lowMpa: number;
  highMpa: number;
}

export function predictTwentyEightDay(fit: StrengthRatioFit, sevenDayMpa: number): StrengthPrediction {
  assertPositive('7-day strength (MPa)', sevenDayMpa);
  return {
    predictedMpa: roundToTenth(fit.ratio * sevenDayMpa),
    lowMpa: roundToTenth((fit.ratio - fit.ratioSpread) * sevenDayMpa),
    highMpa: roundToTenth((fit.ratio + fit.ratioSpread) * sevenDayMpa),
  };
}

export interface LotSetResults {
  sevenDayMpa: number | null;
  twentyEightDayMpa: number | null;
}

export interface LotForecast {
  /** Sets judged on their 28-day value. */
  actualSets: number;
  /** Sets standing in by their predicted 28-day value. */
  predictedSets: number;
  /** Sets with no usable result yet, or a 7-day one and no fit to foretell from. */
  pendingSets: number;
  /** The lot judged on actual and predicted values alike; null with nothing to judge. */
  projected: StrengthEvaluation | null;
  /** A prediction is in play and the projected lot fails: a warning before the cubes are crushed. */
  headingBelowAcceptance: boolean;
}

/**
 * Where a lot is heading: every set counts by its 28-day value, or else by the
 * value foretold from its 7-day one, and the lot is judged as the method its
 * size and the plant's record call for would judge it.
 */
export function forecastLot(input: {
  grade: string;
  sets: readonly LotSetResults[];
  fit: StrengthRatioFit | null;
  sigma0Mpa?: number | null;
}): LotForecast {
  const values: number[] = [];
  let actualSets = 0;
  let predictedSets = 0;
  for (const set of input.sets) {
    if (set.twentyEightDayMpa !== null) {
      values.push(set.twentyEightDayMpa);
      actualSets += 1;
    } else if (set.sevenDayMpa !== null && input.fit) {
      values.push(predictTwentyEightDay(input.fit, set.sevenDayMpa).predictedMpa);
      predictedSets += 1;
    }
  }
  const projected = values.length
    ? evaluateStrength({ grade: input.grade, resultsMpa: values, sigma0Mpa: input.sigma0Mpa })
    : null;
  return {
    actualSets,
    predictedSets,
    pendingSets: input.sets.length - actualSets - predictedSets,
    projected,
    headingBelowAcceptance: predictedSets > 0 && projected !== null && !projected.pass,
  };
}
