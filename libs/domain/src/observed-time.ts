import { assertValidDate } from './input-guards';

/**
 * How far the time a person says they acted may sit from the time the server
 * heard of it. A tablet on site queues actions while the network is down and
 * sends them later; the record must say when the concrete was tested or the
 * truck arrived, not when the signal came back — within limits, so a wrong
 * tablet clock cannot write history.
 */
export interface ObservedTimeRules {
  /** A tablet's clock may run this far ahead of the server's. */
  maxClockSkewMinutes: number;
  /** An action older than this is not taken as a record of what happened. */
  maxAgeHours: number;
}

export const DEFAULT_OBSERVED_TIME_RULES: ObservedTimeRules = { maxClockSkewMinutes: 5, maxAgeHours: 24 };

export type ObservedTimeProblem = 'in_future' | 'too_old' | 'before_previous_step';

export type ObservedTimeVerdict = { ok: true; at: Date } | { ok: false; problem: ObservedTimeProblem; message: string };

export interface ObservedTimeInput {
  /** When the person acted, as their device says; absent for an action sent at once. */
  observedAt: Date | null;
  /** When the server received it. */
  receivedAt: Date;
  /** The load's previous step: nothing on it can have happened earlier. */
  notBefore?: Date | null;
}

/**
 * The time an action is recorded and judged at: the observed time when it is
 * plausible (a clock a little ahead is read as "now"), else a refusal in words.
 */
export function judgeObservedTime(input: ObservedTimeInput, rules = DEFAULT_OBSERVED_TIME_RULES): ObservedTimeVerdict {
  const { observedAt, receivedAt, notBefore } = input;
  assertValidDate('receivedAt', receivedAt);
  if (observedAt === null) return { ok: true, at: receivedAt };
  assertValidDate('observedAt', observedAt);
  const aheadMs = observedAt.getTime() - receivedAt.getTime();
  if (aheadMs > rules.maxClockSkewMinutes * 60_000) {
    return {
      ok: false,
      problem: 'in_future',
      message: `observedAt is ${Math.round(aheadMs / 60_000)} min in the future; check the device's clock`,
    };
  }
  const ageHours = -aheadMs / 3_600_000;
  if (ageHours > rules.maxAgeHours) {
    return {
      ok: false,
      problem: 'too_old',
      message: `observedAt is more than ${rules.maxAgeHours} h old; record it by hand with a note instead`,
    };
  }
  const at = aheadMs > 0 ? receivedAt : observedAt;
  if (notBefore && at.getTime() < notBefore.getTime()) {
    return {
      ok: false,
      problem: 'before_previous_step',
      message: `observedAt ${at.toISOString()} is before the load's previous step at ${notBefore.toISOString()}`,
    };
  }
  return { ok: true, at };
}
