import { Injectable } from '@nestjs/common';
import type { Sigma0RecordDto } from '@pourline/contracts';
import {
  designSigmaMpa,
  fitSevenToTwentyEightDayRatio,
  MIN_SETS_FOR_DESIGN_SIGMA,
  parseStrengthGrade,
  sampleStandardDeviation,
  sigma0FromRecord,
  SIGMA0_MAX_PERIOD_DAYS,
  type StrengthRatioFit,
} from '@pourline/domain';
import { valuesOf } from './strength-samples';
import { StrengthRepository } from './strength.repository';

const DAY_MS = 86_400_000;
/** Pairs older than a year say little about today's cement and admixtures. */
const PAIR_LOOKBACK_DAYS = 365;
/** The latest pairs only: the ratio follows the plant's current materials. */
const MAX_PAIRS = 60;
/** JGJ 55: a plant's σ for mix design comes from the last one to three months. */
const DESIGN_SIGMA_LOOKBACK_DAYS = 90;

/** What the plant's own past says: σ0 for acceptance, the 7/28-day ratio, σ for the target mean. */
@Injectable()
export class StrengthHistory {
  constructor(private readonly repository: StrengthRepository) {}

  /** GB/T 50107 5.1.1: σ0 from the plant's sets of the grade in the period before the lot. */
  async sigma0Record(plantId: string, strengthGrade: string, lotStart: Date | null): Promise<Sigma0RecordDto> {
    if (!lotStart) return { known: false, sigma0Mpa: null, sets: 0, periodDays: 0, reason: 'too_few_sets' };
    const samples = await this.repository.samples({
      plantId,
      strengthGrade,
      withResultsAt: 28,
      madeFrom: new Date(lotStart.getTime() - SIGMA0_MAX_PERIOD_DAYS * DAY_MS),
      madeBefore: lotStart,
    });
    const history = samples.flatMap((sample) => {
      const value = valuesOf(sample).strength28dMpa;
      return value === null ? [] : [{ at: sample.madeAt, strengthMpa: value }];
    });
    const record = sigma0FromRecord(history, lotStart);
    return record.known
      ? { known: true, sigma0Mpa: record.sigma0Mpa, sets: record.sets, periodDays: record.periodDays, reason: null }
      : { known: false, sigma0Mpa: null, sets: record.sets, periodDays: record.periodDays, reason: record.reason };
  }

  /** The mix's 7/28-day ratio at this plant, from its latest pairs. */
  async ratioFit(plantId: string, mixId: string, now = new Date()): Promise<StrengthRatioFit | null> {
    const samples = await this.repository.samples({
      plantId,
      mixId,
      pairsOnly: true,
      madeFrom: new Date(now.getTime() - PAIR_LOOKBACK_DAYS * DAY_MS),
    });
    const pairs = samples.flatMap((sample) => {
      const values = valuesOf(sample);
      return values.strength7dMpa !== null && values.strength28dMpa !== null
        ? [{ sevenDayMpa: values.strength7dMpa, twentyEightDayMpa: values.strength28dMpa }]
        : [];
    });
    return fitSevenToTwentyEightDayRatio(pairs.slice(-MAX_PAIRS));
  }

  /** JGJ 55 4.0.2: σ of the grade from the plant's last three months, or the table's. */
  async designSigma(
    plantId: string,
    strengthGrade: string,
    now = new Date(),
  ): Promise<{ sigmaMpa: number; from: 'plant_record' | 'table' }> {
    const samples = await this.repository.samples({
      plantId,
      strengthGrade,
      withResultsAt: 28,
      madeFrom: new Date(now.getTime() - DESIGN_SIGMA_LOOKBACK_DAYS * DAY_MS),
    });
    const values = samples.flatMap((sample) => {
      const value = valuesOf(sample).strength28dMpa;
      return value === null ? [] : [value];
    });
    const gradeMpa = parseStrengthGrade(strengthGrade);
    if (values.length < MIN_SETS_FOR_DESIGN_SIGMA) return { sigmaMpa: designSigmaMpa(gradeMpa, null), from: 'table' };
    const record = { sigmaMpa: sampleStandardDeviation(values), sets: values.length };
    return { sigmaMpa: designSigmaMpa(gradeMpa, record), from: 'plant_record' };
  }
}
