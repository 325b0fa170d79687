import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreatePourRequest, PlanGeometryFacts, PumpBookingDto, PumpClashFacts } from '@pourline/contracts';
import {
  checkPlanGeometry,
  type PlanRules,
  planRulesFor,
  type PumpBooking,
  pumpBooking,
  pumpClashes,
} from '@pourline/domain';
import { UnknownReferenceError } from '../../platform/errors/domain-error';
import { PumpsRepository } from '../fleet/pumps.repository';
import { PlantsRepository } from '../plants/plants.repository';
import { ProjectsRepository } from '../projects/projects.repository';
import { PlanGeometryError, PumpDoubleBookedError } from './pours.exceptions';
import { PoursRepository } from './pours.repository';

export type PourPlan = Omit<CreatePourRequest, 'confirm'>;

/** A double booking the plan's author went ahead with, as the audit keeps it. */
export type PumpClashConfirmation = PumpClashFacts & { reason: string };

export interface PumpBookingCheck {
  rules: Pick<PlanRules, 'pumpSetUpMinutes' | 'pumpCleanDownMinutes'>;
  /** Set when the booking clashed and the author confirmed it. */
  confirmed: PumpClashConfirmation | null;
}

const toBookingDto = (booking: PumpBooking): PumpBookingDto => ({
  from: booking.from.toISOString(),
  pumpingFrom: booking.pumpingFrom.toISOString(),
  pumpingUntil: booking.pumpingUntil.toISOString(),
  until: booking.until.toISOString(),
});

const MS_PER_MINUTE = 60_000;

/**
 * The checks a pour plan passes before it is stored: its map lies at its site
 * and plant, and its pump is not already booked for those hours. Each answers
 * the plan rules it judged by, so the audit can keep them.
 */
@Injectable()
export class PlanSanity {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly plants: PlantsRepository,
    private readonly pumps: PumpsRepository,
    private readonly pours: PoursRepository,
  ) {}

  /** Refuses, with 400, a pump, start or end point or route end too far from its site or plant. */
  async checkGeometry(plan: PourPlan): Promise<PlanGeometryFacts['rules']> {
    const [project, plant] = await Promise.all([
      this.projects.findById(plan.projectId),
      this.plants.findById(plan.plantId),
    ]);
    if (!project) throw new UnknownReferenceError('projectId', plan.projectId);
    if (!plant) throw new UnknownReferenceError('plantId', plan.plantId);
    const { siteToleranceMeters, routePlantToleranceMeters } = planRulesFor(plant.ruleOverrides);
    const rules = { siteToleranceMeters, routePlantToleranceMeters };
    const issues = checkPlanGeometry(plan, { siteFence: project.geofence, plantFence: plant.geofence }, rules);
    if (issues.length > 0) throw new PlanGeometryError({ issues, rules });
    return rules;
  }

  /**
   * Refuses, with 409, a pump booked for another open pour at overlapping
   * hours, unless the author confirms with a reason; then answers what to
   * record. Null for a pour without a pump. The pump stays locked until the transaction ends, so two plans
   * saved at the same moment are judged one after the other.
   */
  async checkPumpBooking(
    manager: EntityManager,
    plan: PourPlan,
    pourId: string | null,
    confirmReason: string | undefined,
  ): Promise<PumpBookingCheck | null> {
    if (!plan.pumpId) return null;
    const pump = await this.pumps.lockForUpdate(manager, plan.pumpId);
    if (!pump) throw new UnknownReferenceError('pumpId', plan.pumpId);
    // One pump, one crew: its home plant's allowances hold for every pour it serves,
    // so two pours of the pump are always judged by the same numbers.
    const home = await this.plants.findById(pump.homePlantId);
    const { pumpSetUpMinutes, pumpCleanDownMinutes } = planRulesFor(home?.ruleOverrides);
    const rules = { pumpSetUpMinutes, pumpCleanDownMinutes };
    const candidate = { ...plan, scheduledStart: new Date(plan.scheduledStart) };
    const booking = pumpBooking(candidate, rules);
    const others = await this.pours.pumpBookingsAround(manager, {
      pumpId: pump.id,
      exceptPourId: pourId,
      from: new Date(booking.from.getTime() - pumpCleanDownMinutes * MS_PER_MINUTE),
      until: new Date(booking.until.getTime() + pumpSetUpMinutes * MS_PER_MINUTE),
    });
    const clashes = pumpClashes(candidate, others, rules);
    if (clashes.length === 0) return { rules, confirmed: null };
    const facts: PumpClashFacts = {
      pumpId: pump.id,
      pumpCode: pump.code,
      booking: toBookingDto(booking),
      clashes: clashes.map(({ pour, booking: theirs }) => ({
        pourId: pour.id,
        structuralElement: pour.structuralElement,
        projectName: pour.project?.name ?? '',
        status: pour.status,
        scheduledStart: pour.scheduledStart.toISOString(),
        plantTimeZone: pour.plant?.timeZone ?? 'UTC',
        booking: toBookingDto(theirs),
      })),
      rules,
    };
    if (!confirmReason) throw new PumpDoubleBookedError(facts);
    return { rules, confirmed: { ...facts, reason: confirmReason } };
  }
}
