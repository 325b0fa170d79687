import { roundToHundredth, sampleStandardDeviation } from './strength-statistics';

/**
 * σ0 of GB/T 50107 5.1.1-3: the standard deviation of the plant's set values
 * of the same grade over the previous period, which must be at least 60 and
 * at most 90 days long and hold at least 45 sets. Without such a record the
 * plant's production is not shown stable and σ0 is unknown.
 */
export const SIGMA0_MIN_SETS = 45;
export const SIGMA0_MIN_PERIOD_DAYS = 60;
export const SIGMA0_MAX_PERIOD_DAYS = 90;

const DAY_MS = 86_400_000;

export interface DatedStrength {
  at: Date;
  strengthMpa: number;
}

export type Sigma0Record =
  | { known: true; sigma0Mpa: number; sets: number; periodDays: number; from: Date; to: Date }
  | { known: false; reason: 'too_few_sets' | 'period_too_short'; sets: number; periodDays: number };

/** The record before `lotStart`: at most 90 days back, from the earliest set in that window. */
export function sigma0FromRecord(history: readonly DatedStrength[], lotStart: Date): Sigma0Record {
  const windowStart = lotStart.getTime() - SIGMA0_MAX_PERIOD_DAYS * DAY_MS;
  const inWindow = history.filter((entry) => entry.at.getTime() >= windowStart && entry.at < lotStart);
  const earliest = Math.min(...inWindow.map((entry) => entry.at.getTime()));
  const periodDays = inWindow.length ? Math.floor((lotStart.getTime() - earliest) / DAY_MS) : 0;
  if (inWindow.length < SIGMA0_MIN_SETS)
    return { known: false, reason: 'too_few_sets', sets: inWindow.length, periodDays };
  if (periodDays < SIGMA0_MIN_PERIOD_DAYS) {
    return { known: false, reason: 'period_too_short', sets: inWindow.length, periodDays };
  }
  return {
    known: true,
    sigma0Mpa: roundToHundredth(sampleStandardDeviation(inWindow.map((entry) => entry.strengthMpa))),
    sets: inWindow.length,
    periodDays,
    from: new Date(earliest),
    to: lotStart,
  };
}
