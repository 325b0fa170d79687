import { z } from 'zod';
import type { RateRequestKind, RateSource, TravelBasis } from '@pourline/domain';
import { IsoDateTime, safeText, Uuid, REASON_MIN_CHARS } from './common';

/**
 * Dispatch intelligence: each active pour's rhythm, the loads the planner
 * proposes to keep its pump fed, and what the dispatch room decided about
 * them. Proposals are recomputed whenever the picture changes; a decision
 * (accepted, overridden, or made by the auto switch) is kept with its author.
 */

/** The most a pour's cold-joint limit may be set to: a full working day is no limit. */
export const COLD_JOINT_LIMIT_MAX_MINUTES = 600;
/** The most trucks a pour's bunching limit may let wait at its pump. */
export const BUNCHING_LIMIT_MAX_TRUCKS = 20;

export interface PumpGapDto {
  startsAt: string;
  minutes: number;
  afterPlacing: boolean;
}

export interface PourRhythmDto {
  plannedRateM3PerHour: number;
  measuredRateM3PerHour: number | null;
  measuredFromLoads: number;
  request: Exclude<RateRequestKind, 'resume'> | null;
  rateM3PerHour: number;
  rateSource: RateSource;
  held: boolean;
  targetIntervalMinutes: number | null;
  remainingM3: number;
  uncoveredM3: number;
  projectedFinishAt: string | null;
  gaps: PumpGapDto[];
  worstGapMinutes: number;
  coldJointLimitMinutes: number;
  coldJointRisk: boolean;
}

export interface TravelTimeDto {
  minutes: number;
  basis: TravelBasis;
  /** How many trips the figure rests on; 0 when it is the route length at a typical speed. */
  trips: number;
  /** How many of those trips the trucks' positions measured; the others are the loads' recorded steps. */
  fromPositions: number;
}

/** A load the planner proposes: "T07 loads at 10:42 at JN-01". */
export interface LoadProposalDto {
  /** Stable while the plan stands: the pour and the proposal's place in its sequence. */
  key: string;
  pourId: string;
  sequence: number;
  plantId: string;
  plantCode: string;
  truckId: string;
  truckFleetNumber: string;
  volumeM3: number;
  /** When loading starts at the plant. */
  loadAt: string;
  departAt: string;
  arriveAt: string;
  dischargeStartAt: string;
  dischargeEndAt: string;
}

export type DispatchDecisionKind = 'accepted' | 'overridden' | 'auto';

/** A load as proposed or as ordered: its truck, volume, loading time and plant. */
export interface DecidedLoadDto {
  truckId: string | null;
  truckFleetNumber: string | null;
  volumeM3: number;
  loadAt: string;
  /** Absent from decisions kept before a proposal's plant could be changed. */
  plantId?: string;
  plantCode?: string;
}

export interface DispatchDecisionDto {
  id: string;
  pourId: string;
  loadId: string;
  ticketNumber: string;
  kind: DispatchDecisionKind;
  proposed: DecidedLoadDto | null;
  chosen: DecidedLoadDto;
  reason: string;
  byName: string;
  at: string;
}

export interface PourDispatchDto {
  pourId: string;
  plantId: string;
  generatedAt: string;
  auto: boolean;
  /** The pour's own limit, or null for initial setting less the margin. */
  coldJointLimitMinutes: number | null;
  /** The pour's own bunching limit, or null for the deployment's setting. */
  bunchingMaxWaiting: number | null;
  /** More trucks than this waiting on site raise a bunching alert: the pour's own limit or the setting. */
  bunchingMaxWaitingInEffect: number;
  rhythm: PourRhythmDto;
  travel: TravelTimeDto;
  /** What the planner makes of the whole day: a started pour is always planned to its end. */
  planStatus: 'complete' | 'late' | 'unserved' | 'held' | 'done';
  proposals: LoadProposalDto[];
  decisions: DispatchDecisionDto[];
}

/** One bar of a plant's loading Gantt: a ticket in the works, or a proposal not yet accepted. */
export interface PlantTimelineSlotDto {
  kind: 'load' | 'proposal';
  pourId: string;
  pourLabel: string;
  loadId: string | null;
  ticketNumber: string | null;
  truckFleetNumber: string | null;
  volumeM3: number;
  status: string | null;
  loadStartsAt: string;
  loadEndsAt: string;
}

export interface PlantTimelineDto {
  plantId: string;
  plantCode: string;
  generatedAt: string;
  /** Minutes from the start of batching until a truck can leave. */
  loadingMinutes: number;
  slots: PlantTimelineSlotDto[];
}

/**
 * Accept the planner's proposal as it stands, or as edited: a changed truck,
 * volume, loading time or plant is an override and says why.
 */
export const AcceptProposalRequest = z.strictObject({
  key: z.string().regex(/^[0-9a-f-]{36}:[0-9]{1,4}$/, 'a proposal key as the plan gives it'),
  truckId: Uuid.optional(),
  plantId: Uuid.optional(),
  volumeM3: z.number().gt(0, 'must be more than 0').max(20, 'no truck carries more than 20 m³').optional(),
  loadAt: IsoDateTime.optional(),
  reason: safeText(1000).optional(),
});
export type AcceptProposalRequest = z.infer<typeof AcceptProposalRequest>;

export const DispatchSettingsRequest = z
  .strictObject({
    auto: z.boolean().optional(),
    coldJointLimitMinutes: z.number().int().min(1).max(COLD_JOINT_LIMIT_MAX_MINUTES).nullable().optional(),
    bunchingMaxWaiting: z.number().int().min(1).max(BUNCHING_LIMIT_MAX_TRUCKS).nullable().optional(),
  })
  .refine(
    (body) =>
      body.auto !== undefined || body.coldJointLimitMinutes !== undefined || body.bunchingMaxWaiting !== undefined,
    {
      message: 'say what to change: auto, coldJointLimitMinutes, bunchingMaxWaiting or several',
      params: { rule: 'nothing_to_change' },
    },
  );
export type DispatchSettingsRequest = z.infer<typeof DispatchSettingsRequest>;

/** An override needs a reason as long as any other written reason. */
export const OVERRIDE_REASON_MIN_CHARS = REASON_MIN_CHARS;

export interface DispatchSettingsPayload {
  pourId: string;
  projectId: string;
  auto: boolean;
  coldJointLimitMinutes: number | null;
  bunchingMaxWaiting: number | null;
  byName: string;
}

/** An accepted, overridden or automatic load, announced live. */
export interface DispatchDecisionPayload extends DispatchDecisionDto {
  projectId: string;
}
