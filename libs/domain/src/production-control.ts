import { parseStrengthGrade } from './strength-acceptance';
import { meanOf, roundToHundredth, roundToTenth, sampleStandardDeviation } from './strength-statistics';

/**
 * A ready-mix plant's own strength statistics by GB 50164-2011 "Standard for
 * quality control of concrete", clause 6: per strength grade over a period
 * (a month for a ready-mix plant), the standard deviation σ against its limit
 * and the share P of sets reaching the grade, which must be at least 95 %.
 */
export const PRODUCTION_CONTROL_STANDARD = 'GB 50164-2011';
/**
 * Both figures are statistics of the period's sets, and GB 50164 asks at least
 * 30 of them for σ. P of a handful says little (one set below the grade in ten
 * is 90 %), so both are judged from 30 sets; with fewer they are shown, not judged.
 */
export const MIN_SETS_FOR_SIGMA = 30;
export const MIN_SHARE_AT_LEAST_GRADE_PERCENT = 95;

/** σ limits for a ready-mix plant: ≤ 3.0 MPa below C20, ≤ 3.5 MPa C20–C40, ≤ 4.0 MPa from C45. */
export function readyMixSigmaLimitMpa(gradeMpa: number): number {
  if (gradeMpa < 20) return 3.0;
  return gradeMpa <= 40 ? 3.5 : 4.0;
}

export type ProductionControlStatus = 'within_limits' | 'out_of_limits' | 'too_few_sets' | 'no_sets';

export interface ProductionControlFigures {
  grade: string;
  sets: number;
  /** To 0.1 MPa. */
  meanMpa: number | null;
  /** To 0.01 MPa; null under two sets. */
  sigmaMpa: number | null;
  sigmaLimitMpa: number;
  /** Null while there are fewer than 30 sets. */
  sigmaWithinLimit: boolean | null;
  setsAtLeastGrade: number;
  /** P, to 0.1 %. */
  shareAtLeastGradePercent: number | null;
  /** Null while there are fewer than 30 sets. */
  shareWithinLimit: boolean | null;
  status: ProductionControlStatus;
}

/** Either figure outside its limit puts the grade out of limits. */
export function productionControlFigures(grade: string, strengthsMpa: readonly number[]): ProductionControlFigures {
  const gradeMpa = parseStrengthGrade(grade);
  const sets = strengthsMpa.length;
  const sigmaLimitMpa = readyMixSigmaLimitMpa(gradeMpa);
  if (sets === 0) {
    return {
      grade,
      sets,
      meanMpa: null,
      sigmaMpa: null,
      sigmaLimitMpa,
      sigmaWithinLimit: null,
      setsAtLeastGrade: 0,
      shareAtLeastGradePercent: null,
      shareWithinLimit: null,
      status: 'no_sets',
    };
  }
  const judged = sets >= MIN_SETS_FOR_SIGMA;
  const sigmaMpa = sets >= 2 ? roundToHundredth(sampleStandardDeviation(strengthsMpa)) : null;
  const sigmaWithinLimit = judged ? sigmaMpa! <= sigmaLimitMpa : null;
  const setsAtLeastGrade = strengthsMpa.filter((strength) => strength >= gradeMpa).length;
  const shareAtLeastGradePercent = roundToTenth((setsAtLeastGrade / sets) * 100);
  // Judged on the exact share: 94.96 % is not 95 %, however it is rounded for show.
  const shareWithinLimit = judged ? setsAtLeastGrade * 100 >= MIN_SHARE_AT_LEAST_GRADE_PERCENT * sets : null;
  const status: ProductionControlStatus = !judged
    ? 'too_few_sets'
    : sigmaWithinLimit && shareWithinLimit
      ? 'within_limits'
      : 'out_of_limits';
  return {
    grade,
    sets,
    meanMpa: roundToTenth(meanOf(strengthsMpa)),
    sigmaMpa,
    sigmaLimitMpa,
    sigmaWithinLimit,
    setsAtLeastGrade,
    shareAtLeastGradePercent,
    shareWithinLimit,
    status,
  };
}
