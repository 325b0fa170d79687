import { parseStrengthGrade, specimenSetStrength } from '@pourline/domain';
import type { StrengthSample } from './strength.repository';

export interface SampleValues {
  strength7dMpa: number | null;
  strength28dMpa: number | null;
  /** 28-day results are in and the set stands for nothing. */
  void28d: boolean;
}

function valueAt(results: number[] | null, sample: StrengthSample) {
  if (!results) return { value: null, void: false };
  const strength = specimenSetStrength(results, {
    cubeSizeMm: sample.cubeSizeMm,
    gradeMpa: parseStrengthGrade(sample.strengthGrade),
  });
  return strength.valid ? { value: strength.strengthMpa, void: false } : { value: null, void: true };
}

/** A set's values at 7 and 28 days, converted to the 150 mm cube. */
export function valuesOf(sample: StrengthSample): SampleValues {
  const seven = valueAt(sample.results7dMpa, sample);
  const twentyEight = valueAt(sample.results28dMpa, sample);
  return { strength7dMpa: seven.value, strength28dMpa: twentyEight.value, void28d: twentyEight.void };
}

/** Valid 28-day values, in the order the sets were made. */
export function twentyEightDayValues(samples: readonly StrengthSample[]): number[] {
  return samples.flatMap((sample) => {
    const value = valuesOf(sample).strength28dMpa;
    return value === null ? [] : [value];
  });
}
