import { type EarlyStartFacts, PLAN_SANITY_ERRORS } from '@pourline/contracts';
import { formatInZone, type LoadStatus } from '@pourline/domain';
import { ConflictError, DomainError, ForbiddenError } from '../../platform/errors/domain-error';

export class IllegalLoadTransitionError extends ConflictError {
  constructor(from: LoadStatus, to: LoadStatus, allowed: readonly LoadStatus[]) {
    const next = allowed.length ? `it can go to ${allowed.join(' or ')}` : 'it is final';
    super('illegal_load_transition', `The load is ${from} and cannot become ${to}; ${next}`, { from, to, allowed });
  }
}

export class LoadStateError extends ConflictError {
  constructor(status: LoadStatus, action: string) {
    super('wrong_load_state', `The load is ${status}; ${action}`, { status });
  }
}

export class PourNotDispatchableError extends ConflictError {
  constructor(status: string, needed: string) {
    super('pour_not_dispatchable', `The pour is ${status}; loads need a pour that is ${needed}`, { status });
  }
}

export class VolumeExceedsCapacityError extends ConflictError {
  constructor(volumeM3: number, capacityM3: number, fleetNumber: string) {
    super(
      'volume_exceeds_capacity',
      `${volumeM3} m³ does not fit truck ${fleetNumber}, which carries ${capacityM3} m³`,
      { volumeM3, capacityM3, fleetNumber },
    );
  }
}

export class VolumeExceedsRemainingError extends ConflictError {
  constructor(volumeM3: number, unorderedM3: number) {
    super(
      'volume_exceeds_remaining',
      `${volumeM3} m³ is more than the ${unorderedM3} m³ the pour still needs; mark it as an over-order with a reason`,
      { volumeM3, unorderedM3 },
    );
  }
}

export class TruckMissingError extends ConflictError {
  constructor() {
    super('truck_missing', 'Assign a truck before loading starts');
  }
}

export class TruckBusyError extends ConflictError {
  constructor(fleetNumber: string) {
    super('truck_busy', `Truck ${fleetNumber} is already out on another load`, { fleetNumber });
  }
}

export class TruckInactiveError extends ConflictError {
  constructor(fleetNumber: string) {
    super('truck_inactive', `Truck ${fleetNumber} is out of service; choose a truck in service`, { fleetNumber });
  }
}

export class PastDeadlineError extends ConflictError {
  constructor(deadline: Date) {
    super(
      'past_deadline',
      `The concrete passed its discharge deadline at ${deadline.toISOString()}; it may not be sent`,
      { deadline: deadline.toISOString() },
    );
  }
}

export class SiteTestMissingError extends ConflictError {
  constructor() {
    super('site_test_missing', 'Test the slump on site and have it accepted before discharge starts');
  }
}

export class MixMismatchError extends ConflictError {
  constructor() {
    super('mix_mismatch', 'The other pour takes a different mix; this concrete cannot go there');
  }
}

export class WaterLimitExceededError extends DomainError {
  constructor(litres: number, allowanceLitres: number) {
    super(
      422,
      'water_limit_exceeded',
      `${litres} L would exceed the mix's maximum water/cement ratio; at most ${allowanceLitres} L may still be added`,
      undefined,
      { litres, allowanceLitres },
    );
  }
}

export class PourOnHoldError extends ConflictError {
  constructor(hold: { reason: string; byName: string }) {
    super('pour_on_hold', `Dispatch to this pour is on hold (${hold.reason}, by ${hold.byName}); resume it first`, {
      reason: hold.reason,
      byName: hold.byName,
    });
  }
}

export class NotYourPlantError extends ForbiddenError {
  constructor(ticketNumber: string) {
    super('not_your_plant', `Load ${ticketNumber} is batched at a plant whose control room you do not run`, {
      ticketNumber,
    });
  }
}

export class EarlyStartUnconfirmedError extends ConflictError {
  constructor(facts: EarlyStartFacts) {
    const time = (iso: string) =>
      formatInZone(new Date(iso), facts.plantTimeZone, 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    super(
      PLAN_SANITY_ERRORS.earlyStart,
      `batchedAt: loading at ${time(facts.loadingStartsAt)} would start the pour ${facts.minutesBeforeStart} minutes ` +
        `before its planned start at ${time(facts.scheduledStart)} ${facts.plantTimeZone}; more than ` +
        `${facts.rules.maxMinutesLoadingBeforeStart} minutes early needs a confirmation with a reason (confirm.earlyStart).`,
      { ...facts },
    );
  }
}
