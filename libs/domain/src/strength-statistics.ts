import { assertFinite } from './input-guards';

/** To 0.1 MPa: how GB/T 50107 states a mean, a minimum and a set's value. */
export function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** To 0.01: how GB/T 50107 states a standard deviation; also drops the floating-point tail of a limit. */
export function roundToHundredth(value: number): number {
  return Math.round(value * 100) / 100;
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
