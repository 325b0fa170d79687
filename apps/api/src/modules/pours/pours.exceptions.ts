import {
  PLAN_SANITY_ERRORS,
  type PlanGeometryFacts,
  type PumpClashDto,
  type PumpClashFacts,
} from '@pourline/contracts';
import { formatInZone, type PlanGeometryIssue, type PourStatus } from '@pourline/domain';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../platform/errors/domain-error';

export class IllegalPourTransitionError extends ConflictError {
  constructor(from: PourStatus, to: PourStatus, allowed: readonly PourStatus[]) {
    const next = allowed.length ? `it can go to ${allowed.join(' or ')}` : 'it is final';
    super('illegal_pour_transition', `The pour is ${from} and cannot become ${to}; ${next}`, { from, to, allowed });
  }
}

export class PourNotEditableError extends ConflictError {
  constructor(status: PourStatus) {
    super('pour_not_editable', `The pour is ${status}; its plan can only change while draft, confirmed or ready`, {
      status,
    });
  }
}

export class DocumentsUndeliveredError extends ConflictError {
  constructor(types: readonly string[]) {
    super(
      'documents_undelivered',
      `Required reports not yet delivered to the construction party: ${types.join(', ')}. ` +
        'Deliver them, or an administrator may release the pour with a reason.',
      { documentTypes: [...types] },
    );
  }
}

export class OverrideNotAllowedError extends ForbiddenError {
  constructor() {
    super('override_not_allowed', 'Only an administrator may release a pour with undelivered reports');
  }
}

const WHAT_MUST_BE_NEAR: Record<PlanGeometryIssue['rule'], string> = {
  near_site: "outside the site's fence",
  starts_near_plant: "starts outside the plant's fence",
  ends_near_site: "ends outside the site's fence",
  starts_near_site: "starts outside the site's fence",
  ends_near_plant: "ends outside the plant's fence",
};

function describeIssue({ field, rule, distanceMeters, toleranceMeters }: PlanGeometryIssue): string {
  return `${field}: ${WHAT_MUST_BE_NEAR[rule]} by ${distanceMeters} m; at most ${toleranceMeters} m is allowed`;
}

export class PlanGeometryError extends InvalidInputError {
  constructor(facts: PlanGeometryFacts) {
    const details = facts.issues.map(describeIssue);
    super(
      PLAN_SANITY_ERRORS.geometry,
      `The plan does not lie at its site and plant: ${details.join('; ')}. ` +
        'Move these on the map, or have an administrator change the plant’s plan rules.',
      details,
      { ...facts },
    );
  }
}

function describeClash(clash: PumpClashDto): string {
  const time = (iso: string, options: Intl.DateTimeFormatOptions) =>
    formatInZone(new Date(iso), clash.plantTimeZone, 'en-GB', options);
  const day = time(clash.booking.from, { dateStyle: 'medium' });
  const from = time(clash.booking.from, { timeStyle: 'short' });
  const until = time(clash.booking.until, { timeStyle: 'short' });
  const start = time(clash.scheduledStart, { timeStyle: 'short' });
  return (
    `"${clash.structuralElement}" at ${clash.projectName} (${clash.status}), ` +
    `starting ${start} and booking the pump ${day} ${from}–${until} ${clash.plantTimeZone}`
  );
}

export class PumpDoubleBookedError extends ConflictError {
  constructor(facts: PumpClashFacts) {
    super(
      PLAN_SANITY_ERRORS.pumpDoubleBooked,
      `pumpId: pump ${facts.pumpCode} is already booked for ${facts.clashes.map(describeClash).join('; ')}, ` +
        `overlapping this plan's booking (${facts.rules.pumpSetUpMinutes} min set-up before the start, ` +
        `${facts.rules.pumpCleanDownMinutes} min clean-down after). Choose another pump or time, ` +
        'or confirm the double booking with a reason (confirm.pumpClash).',
      { ...facts },
    );
  }
}
