/**
 * Measurements arrive as decimals (6.7 % air, 157.5 L), and binary floating point
 * makes 6.7 − 5.2 come out a hair above 1.5. Comparisons against a limit allow
 * this much slack so a reading exactly on the limit is judged as on the limit.
 */
export const COMPARISON_EPSILON = 1e-9;

export function isAtMost(value: number, limit: number): boolean {
  return value <= limit + COMPARISON_EPSILON;
}

export function isAtLeast(value: number, limit: number): boolean {
  return value >= limit - COMPARISON_EPSILON;
}

/** Up to two decimals, no trailing zeros: messages read "4.5 %", not "4.500000001 %". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
