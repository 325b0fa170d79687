import { assertNonNegative, assertPositive, assertValidDate } from './input-guards';
import type { PlanRules } from './plan-rules';
import type { PourStatus } from './pour-status';

const MS_PER_MINUTE = 60_000;

/** A pour that is over, or will never happen, no longer holds its pump. */
export const POUR_STATUSES_FREEING_THE_PUMP: readonly PourStatus[] = ['completed', 'cancelled'];

export function holdsItsPump(status: PourStatus): boolean {
  return !POUR_STATUSES_FREEING_THE_PUMP.includes(status);
}

export interface PumpedPour {
  scheduledStart: Date;
  volumeM3: number;
  pourRateM3PerHour: number;
}

/** The time a pour takes its pump away from every other pour. */
export interface PumpBooking {
  /** The crew arrives and sets up. */
  from: Date;
  /** The planned start: the first cubic metre. */
  pumpingFrom: Date;
  /** Volume ÷ pour rate later: the last cubic metre. */
  pumpingUntil: Date;
  /** Cleaned down and gone; the pump is free from this instant. */
  until: Date;
}

type Allowances = Pick<PlanRules, 'pumpSetUpMinutes' | 'pumpCleanDownMinutes'>;

/**
 * Set-up before the planned start, the pumping itself at the planned rate,
 * clean-down after. As long as the start → end + set-up + clean-down of the
 * plan, only placed where the crew really spends it; with the same allowances
 * on both sides, two bookings overlap exactly when those spans do.
 */
export function pumpBooking(pour: PumpedPour, allowances: Allowances): PumpBooking {
  assertValidDate('scheduledStart', pour.scheduledStart);
  assertPositive('volumeM3', pour.volumeM3);
  assertPositive('pourRateM3PerHour', pour.pourRateM3PerHour);
  assertNonNegative('pumpSetUpMinutes', allowances.pumpSetUpMinutes);
  assertNonNegative('pumpCleanDownMinutes', allowances.pumpCleanDownMinutes);
  const start = pour.scheduledStart.getTime();
  const pumpingMs = (pour.volumeM3 / pour.pourRateM3PerHour) * 60 * MS_PER_MINUTE;
  return {
    from: new Date(start - allowances.pumpSetUpMinutes * MS_PER_MINUTE),
    pumpingFrom: new Date(start),
    pumpingUntil: new Date(start + pumpingMs),
    until: new Date(start + pumpingMs + allowances.pumpCleanDownMinutes * MS_PER_MINUTE),
  };
}

/** One crew leaving as the next arrives is a tight day, not a clash: the ends are open. */
export function bookingsOverlap(a: Pick<PumpBooking, 'from' | 'until'>, b: Pick<PumpBooking, 'from' | 'until'>) {
  return a.from.getTime() < b.until.getTime() && b.from.getTime() < a.until.getTime();
}

export interface PumpClash<T> {
  pour: T;
  booking: PumpBooking;
}

/**
 * The other pours of the same pump whose bookings overlap the candidate's,
 * earliest first. Pours that are completed or cancelled never clash.
 */
export function pumpClashes<T extends PumpedPour & { status: PourStatus }>(
  candidate: PumpedPour,
  others: readonly T[],
  allowances: Allowances,
): PumpClash<T>[] {
  const wanted = pumpBooking(candidate, allowances);
  return others
    .filter((other) => holdsItsPump(other.status))
    .map((pour) => ({ pour, booking: pumpBooking(pour, allowances) }))
    .filter(({ booking }) => bookingsOverlap(wanted, booking))
    .sort((a, b) => a.booking.from.getTime() - b.booking.from.getTime());
}
