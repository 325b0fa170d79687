import { assertFinite } from './input-guards';
import { formatNumber } from './numbers';

export const DEFAULT_MIN_TEMPERATURE_C = 5;
export const DEFAULT_MAX_TEMPERATURE_C = 35;

/**
 * Fresh concrete outside this range is not a reading but a typo or a broken
 * probe (Fahrenheit typed into a Celsius field lands well above 80).
 */
export const PLAUSIBLE_MIN_TEMPERATURE_C = -30;
export const PLAUSIBLE_MAX_TEMPERATURE_C = 80;

export function assertPlausibleTemperature(temperatureC: number): void {
  assertFinite('temperature (°C)', temperatureC);
  if (temperatureC < PLAUSIBLE_MIN_TEMPERATURE_C || temperatureC > PLAUSIBLE_MAX_TEMPERATURE_C) {
    throw new RangeError(
      `temperature ${formatNumber(temperatureC)} °C is not plausible for fresh concrete ` +
        `(${PLAUSIBLE_MIN_TEMPERATURE_C} to ${PLAUSIBLE_MAX_TEMPERATURE_C} °C)`,
    );
  }
}

export interface TemperatureEvaluationInput {
  measuredC: number;
  /** The mix design may allow colder or hotter concrete; null means the default. */
  minC?: number | null;
  maxC?: number | null;
}

export interface TemperatureEvaluation {
  pass: boolean;
  minC: number;
  maxC: number;
}

/** Both limits are inclusive: 35.0 °C passes, 35.1 °C does not. */
export function evaluateTemperature(input: TemperatureEvaluationInput): TemperatureEvaluation {
  assertPlausibleTemperature(input.measuredC);
  const minC = input.minC ?? DEFAULT_MIN_TEMPERATURE_C;
  const maxC = input.maxC ?? DEFAULT_MAX_TEMPERATURE_C;
  assertFinite('minimum temperature (°C)', minC);
  assertFinite('maximum temperature (°C)', maxC);
  if (minC > maxC) {
    throw new RangeError(`minimum temperature ${minC} °C is above maximum ${maxC} °C`);
  }
  return { pass: input.measuredC >= minC && input.measuredC <= maxC, minC, maxC };
}
