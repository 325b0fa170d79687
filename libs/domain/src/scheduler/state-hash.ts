/** Mixes a 32-bit value into a 32-bit hash: the searches remember states by such hashes. */
export function mix(hash: number, value: number): number {
  let h = Math.imul(hash ^ value, 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) >>> 0;
}

/** A minute (fractions to a 64th) as a 32-bit integer. */
export function minuteBits(minute: number): number {
  return Number.isFinite(minute) ? Math.round(minute * 64) | 0 : 0x7fffffff;
}
