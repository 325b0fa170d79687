import { assertNonNegative } from './input-guards';
import { isAtLeast } from './numbers';

/** GB/T 50107's non-statistical method holds for fewer sets than this. */
export const MAX_SETS_NON_STATISTICAL = 9;
/** From this grade the mean factor λ3 drops to 1.10. */
export const HIGH_STRENGTH_GRADE_MPA = 60;

/** λ3 and λ4 of GB/T 50107, table 5.2.3. */
export function nonStatisticalFactors(gradeMpa: number): { lambda3: number; lambda4: number } {
  return gradeMpa < HIGH_STRENGTH_GRADE_MPA ? { lambda3: 1.15, lambda4: 0.95 } : { lambda3: 1.1, lambda4: 0.95 };
}

/** 'C30' → 30, the characteristic cube strength f_cu,k in MPa. */
export function parseStrengthGrade(grade: string): number {
  const match = /^C(\d{1,3})$/.exec(typeof grade === 'string' ? grade.trim() : '');
  const mpa = match ? Number(match[1]) : NaN;
  if (!match || mpa < 5 || mpa > 150) {
    throw new RangeError(`"${String(grade)}" is not a strength grade such as C30`);
  }
  return mpa;
}

export interface StrengthEvaluationInput {
  grade: string;
  resultsMpa: readonly number[];
}

export interface StrengthEvaluation {
  pass: boolean;
  meanMpa: number;
  minMpa: number;
  requiredMeanMpa: number;
  requiredMinMpa: number;
  method: 'non_statistical';
}

/** Limits are products of grade and factor; two decimals drop the floating-point tail. */
function roundMpa(value: number): number {
  return Math.round(value * 100) / 100;
}

export function evaluateStrength(input: StrengthEvaluationInput): StrengthEvaluation {
  const gradeMpa = parseStrengthGrade(input.grade);
  const count = input.resultsMpa.length;
  if (count === 0) throw new RangeError('no strength results to evaluate');
  if (count > MAX_SETS_NON_STATISTICAL) {
    throw new RangeError(
      `${count} sets call for a statistical method of GB/T 50107, which is not covered; ` +
        `the non-statistical method takes fewer than 10 sets`,
    );
  }
  input.resultsMpa.forEach((result, index) => assertNonNegative(`strength result ${index + 1} (MPa)`, result));

  const { lambda3, lambda4 } = nonStatisticalFactors(gradeMpa);
  const meanMpa = input.resultsMpa.reduce((sum, result) => sum + result, 0) / count;
  const minMpa = Math.min(...input.resultsMpa);
  const requiredMeanMpa = roundMpa(lambda3 * gradeMpa);
  const requiredMinMpa = roundMpa(lambda4 * gradeMpa);
  return {
    pass: isAtLeast(meanMpa, requiredMeanMpa) && isAtLeast(minMpa, requiredMinMpa),
    meanMpa,
    minMpa,
    requiredMeanMpa,
    requiredMinMpa,
    method: 'non_statistical',
  };
}
