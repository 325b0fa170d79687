import { z } from 'zod';
import type { PlanGeometryIssue, PlanRules, PourStatus } from '@pourline/domain';
import { type ApiError, WrittenReason } from './common';

/** Why a person goes ahead although the system asked; recorded with their name. */
export const ConfirmationReason = WrittenReason;

/** What a plan's author confirms, with a reason, when the plan is saved. */
export const PlanConfirmations = z
  .strictObject({
    /** The pump is knowingly booked for pours whose bookings overlap this one's. */
    pumpClash: ConfirmationReason,
  })
  .partial();
export type PlanConfirmations = z.infer<typeof PlanConfirmations>;

/** The stable codes of the plan sanity refusals; the console words each one itself. */
export const PLAN_SANITY_ERRORS = {
  /** 400: a point or a route end lies too far from its site or plant. */
  geometry: 'plan_geometry_out_of_range',
  /** 409: the pump is booked for an overlapping pour; resend with `confirm.pumpClash`. */
  pumpDoubleBooked: 'pump_double_booked',
  /** 409: the first load would start too long before the pour; resend with `confirm.earlyStart`. */
  earlyStart: 'early_start_unconfirmed',
} as const;

/** When a pour takes its pump away from every other pour, ISO 8601. */
export interface PumpBookingDto {
  from: string;
  pumpingFrom: string;
  pumpingUntil: string;
  until: string;
}

export interface PumpClashDto {
  pourId: string;
  structuralElement: string;
  projectName: string;
  status: PourStatus;
  scheduledStart: string;
  plantTimeZone: string;
  booking: PumpBookingDto;
}

export interface PlanGeometryFacts {
  issues: PlanGeometryIssue[];
  rules: Pick<PlanRules, 'siteToleranceMeters' | 'routePlantToleranceMeters'>;
}

export interface PumpClashFacts {
  pumpId: string;
  pumpCode: string;
  /** The booking the plan asks for. */
  booking: PumpBookingDto;
  clashes: PumpClashDto[];
  rules: Pick<PlanRules, 'pumpSetUpMinutes' | 'pumpCleanDownMinutes'>;
}

export interface EarlyStartFacts {
  pourId: string;
  scheduledStart: string;
  loadingStartsAt: string;
  plantTimeZone: string;
  /** Whole minutes, rounded down: "91 minutes early" is never shown for 90.5. */
  minutesBeforeStart: number;
  rules: Pick<PlanRules, 'maxMinutesLoadingBeforeStart'>;
}

interface FactsByCode {
  plan_geometry_out_of_range: PlanGeometryFacts;
  pump_double_booked: PumpClashFacts;
  early_start_unconfirmed: EarlyStartFacts;
}

/** The facts of a plan sanity refusal, or null when the error is another one. */
export function refusalFacts<C extends keyof FactsByCode>(error: unknown, code: C): FactsByCode[C] | null {
  if (error === null || typeof error !== 'object') return null;
  const { code: actual, facts } = error as Partial<ApiError>;
  return actual === code && facts !== null && typeof facts === 'object' ? (facts as unknown as FactsByCode[C]) : null;
}
