import { assertNonNegative } from './input-guards';
import { isAtMost } from './numbers';

export const DEFAULT_AIR_TOLERANCE_PERCENTAGE_POINTS = 1.5;

/** Entrained air runs 2–10 %; anything past this is a misread meter, not concrete. */
export const PLAUSIBLE_MAX_AIR_PERCENT = 30;

export interface AirContentEvaluationInput {
  targetPercent: number;
  measuredPercent: number;
  tolerancePercentagePoints?: number | null;
}

export interface AirContentEvaluation {
  pass: boolean;
  tolerancePercentagePoints: number;
  /** Measured minus target, in percentage points. */
  deviationPercentagePoints: number;
  minPercent: number;
  maxPercent: number;
}

function assertPlausibleAirPercent(name: string, value: number): void {
  assertNonNegative(name, value);
  if (value > PLAUSIBLE_MAX_AIR_PERCENT) {
    throw new RangeError(`${name} ${value} % is not plausible (0 to ${PLAUSIBLE_MAX_AIR_PERCENT} %)`);
  }
}

export function evaluateAirContent(input: AirContentEvaluationInput): AirContentEvaluation {
  assertPlausibleAirPercent('target air content', input.targetPercent);
  assertPlausibleAirPercent('measured air content', input.measuredPercent);
  const tolerance = input.tolerancePercentagePoints ?? DEFAULT_AIR_TOLERANCE_PERCENTAGE_POINTS;
  assertNonNegative('air content tolerance', tolerance);
  const deviation = input.measuredPercent - input.targetPercent;
  return {
    pass: isAtMost(Math.abs(deviation), tolerance),
    tolerancePercentagePoints: tolerance,
    deviationPercentagePoints: deviation,
    minPercent: Math.max(0, input.targetPercent - tolerance),
    maxPercent: input.targetPercent + tolerance,
  };
}
