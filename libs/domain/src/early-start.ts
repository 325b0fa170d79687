import { assertNonNegative, assertValidDate } from './input-guards';

const MS_PER_MINUTE = 60_000;

export interface EarlyStartInput {
  /** When loading the pour's first truck starts (its batch time). */
  loadingStartsAt: Date;
  scheduledStart: Date;
  maxMinutesLoadingBeforeStart: number;
}

export interface EarlyStart {
  /** True when a person must confirm, with a reason, that the pour really starts this early. */
  early: boolean;
  /** Fractional minutes before the planned start; negative once the start has passed. */
  minutesBeforeStart: number;
}

/**
 * A first load batched hours before its pour is planned is usually the
 * wrong pour or the wrong day. Exactly at the limit is still in time; late
 * starts are a different question and are never asked here.
 */
export function earlyStart(input: EarlyStartInput): EarlyStart {
  assertValidDate('loadingStartsAt', input.loadingStartsAt);
  assertValidDate('scheduledStart', input.scheduledStart);
  assertNonNegative('maxMinutesLoadingBeforeStart', input.maxMinutesLoadingBeforeStart);
  const minutesBeforeStart = (input.scheduledStart.getTime() - input.loadingStartsAt.getTime()) / MS_PER_MINUTE;
  return { early: minutesBeforeStart > input.maxMinutesLoadingBeforeStart, minutesBeforeStart };
}

/** The first instant loading may start without a question. */
export function loadingOpensAt(scheduledStart: Date, maxMinutesLoadingBeforeStart: number): Date {
  assertValidDate('scheduledStart', scheduledStart);
  assertNonNegative('maxMinutesLoadingBeforeStart', maxMinutesLoadingBeforeStart);
  return new Date(scheduledStart.getTime() - maxMinutesLoadingBeforeStart * MS_PER_MINUTE);
}
