/**
 * The strength a set of three cubes stands for (GB/T 50081): their mean; when
 * the highest or the lowest lies more than 15 % from the middle value, the
 * middle value; when both do, the set is void and stands for nothing.
 */
export const SPECIMEN_DEVIATION_LIMIT = 0.15;

export type SetStrength = { valid: true; strengthMpa: number } | { valid: false; reason: string };

export function specimenSetStrength(resultsMpa: readonly number[]): SetStrength {
  if (resultsMpa.length !== 3) throw new RangeError(`a specimen set has three results, got ${resultsMpa.length}`);
  for (const value of resultsMpa) {
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`a strength must be a positive number, got ${value}`);
  }
  const [low, middle, high] = [...resultsMpa].sort((a, b) => a - b);
  const lowOff = (middle - low) / middle > SPECIMEN_DEVIATION_LIMIT;
  const highOff = (high - middle) / middle > SPECIMEN_DEVIATION_LIMIT;
  if (lowOff && highOff) {
    return { valid: false, reason: 'both the highest and the lowest result lie more than 15 % from the middle one' };
  }
  if (lowOff || highOff) return { valid: true, strengthMpa: middle };
  return { valid: true, strengthMpa: Math.round(((low + middle + high) / 3) * 10) / 10 };
}
