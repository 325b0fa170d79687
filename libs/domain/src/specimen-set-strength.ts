import { HIGH_STRENGTH_GRADE_MPA } from './strength-acceptance';
import { roundToTenth } from './strength-statistics';

/**
 * The strength a set of three cubes stands for (GB/T 50107 clause 4.3, test
 * by GB/T 50081): their mean; when the highest or the lowest lies more than
 * 15 % from the middle value, the middle value; when both do, the set is void
 * and stands for nothing. Cubes other than 150 mm are converted to it.
 */
export const SPECIMEN_DEVIATION_LIMIT = 0.15;

/** The standard cube; other sizes are multiplied by their factor. */
export const STANDARD_CUBE_SIZE_MM = 150;
export const CUBE_SIZES_MM = [100, 150, 200] as const;
export type CubeSizeMm = (typeof CUBE_SIZES_MM)[number];

/** GB/T 50107 4.3.2: 100 mm cubes × 0.95, 200 mm cubes × 1.05. */
export const CUBE_SIZE_FACTORS: Readonly<Record<CubeSizeMm, number>> = { 100: 0.95, 150: 1, 200: 1.05 };

/**
 * From C60 the factor of a non-standard cube must be established by the
 * producer's own tests (at least 30 pairs of sets), so no fixed one is given.
 */
export function sizeConversionFactor(cubeSizeMm: number, gradeMpa: number): number {
  if (!(CUBE_SIZES_MM as readonly number[]).includes(cubeSizeMm)) {
    throw new RangeError(`cubes are 100, 150 or 200 mm, got ${cubeSizeMm} mm`);
  }
  if (cubeSizeMm !== STANDARD_CUBE_SIZE_MM && gradeMpa >= HIGH_STRENGTH_GRADE_MPA) {
    throw new RangeError(
      `from C${HIGH_STRENGTH_GRADE_MPA} use 150 mm cubes: the factor of ${cubeSizeMm} mm cubes must come from tests`,
    );
  }
  return CUBE_SIZE_FACTORS[cubeSizeMm as CubeSizeMm];
}

export type SetStrength =
  { valid: true; strengthMpa: number; basis: 'mean' | 'middle' } | { valid: false; reason: string };

export interface CubeSize {
  cubeSizeMm: number;
  gradeMpa: number;
}

export function specimenSetStrength(
  resultsMpa: readonly number[],
  cube: CubeSize = { cubeSizeMm: STANDARD_CUBE_SIZE_MM, gradeMpa: 0 },
): SetStrength {
  if (resultsMpa.length !== 3) throw new RangeError(`a specimen set has three results, got ${resultsMpa.length}`);
  for (const value of resultsMpa) {
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`a strength must be a positive number, got ${value}`);
  }
  const factor = sizeConversionFactor(cube.cubeSizeMm, cube.gradeMpa);
  const [low, middle, high] = [...resultsMpa].sort((a, b) => a - b);
  const lowOff = (middle - low) / middle > SPECIMEN_DEVIATION_LIMIT;
  const highOff = (high - middle) / middle > SPECIMEN_DEVIATION_LIMIT;
  if (lowOff && highOff) {
    return { valid: false, reason: 'both the highest and the lowest result lie more than 15 % from the middle one' };
  }
  if (lowOff || highOff) return { valid: true, strengthMpa: roundToTenth(middle * factor), basis: 'middle' };
  return { valid: true, strengthMpa: roundToTenth(((low + middle + high) / 3) * factor), basis: 'mean' };
}
