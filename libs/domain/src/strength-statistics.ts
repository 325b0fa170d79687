import { assertFinite } from './input-guards';

/**
 * Rounding by GB/T 8170, the rule Chinese standards round by: a dropped part
 * above half rounds up, below half down, and exactly half to the even digit
 * (34.45 → 34.4, 34.55 → 34.6). Decimal inputs carry binary tails (203.7 / 6
 * is stored as 33.94999…), so the value is read at 12 significant digits first.
 */
function roundGbt8170(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((value * factor).toPrecision(12));
  const floor = Math.floor(scaled);
  const exactlyHalf = Math.abs(scaled - floor - 0.5) < 1e-9;
  const rounded = exactlyHalf ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
  return rounded / factor;
}

/** To 0.1 MPa: how GB/T 50107 states a mean, a minimum and a set's value. */
export function roundToTenth(value: number): number {
  return roundGbt8170(value, 1);
}

/** To 0.01: how GB/T 50107 states a standard deviation. */
export function roundToHundredth(value: number): number {
  return roundGbt8170(value, 2);
}

/**
 * A limit such as f_cu,k + λ1·S is exact in decimals (30 + 1.15 × 3.29 =
 * 33.7835) and compared as it is; only the binary tail of the product goes.
 */
export function exactDecimal(value: number): number {
  return Number(value.toPrecision(12));
}

export function meanOf(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('no values to average');
  values.forEach((value, index) => assertFinite(`value ${index + 1}`, value));
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The sample standard deviation, √((Σf² − n·m²) / (n − 1)) as GB/T 50107 and
 * GB 50164 write it, computed from deviations so large strengths lose no digits.
 */
export function sampleStandardDeviation(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError(`a standard deviation needs at least two values, got ${values.length}`);
  const mean = meanOf(values);
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}
