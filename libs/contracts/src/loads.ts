import { z } from 'zod';
import type { LoadStatus, LoadStep } from '@pourline/domain';
import { IsoDateTime, ObservedAt, plainText, safeText, Uuid, WrittenReason } from './common';
import { ConfirmationReason } from './plan-sanity';

const Reason = WrittenReason;

export const CreateLoadRequest = z.strictObject({
  /** May be left empty and assigned before loading starts. */
  truckId: Uuid.nullable().default(null),
  volumeM3: z.number().positive('must be greater than 0').max(20),
  /** Needed when the load would take the pour beyond its planned volume. */
  overOrderReason: Reason.optional(),
});
export type CreateLoadRequest = z.infer<typeof CreateLoadRequest>;

export const AssignTruckRequest = z.strictObject({ truckId: Uuid });
export type AssignTruckRequest = z.infer<typeof AssignTruckRequest>;

export const StartLoadingRequest = z.strictObject({
  /** When water met cement; defaults to now. */
  batchedAt: IsoDateTime.optional(),
  confirm: z
    .strictObject({
      /** The pour's first load knowingly starts long before its planned start. */
      earlyStart: ConfirmationReason,
    })
    .partial()
    .optional(),
});
export type StartLoadingRequest = z.infer<typeof StartLoadingRequest>;

/** One material of the batch ticket as the plant's batching system weighed it. */
export const BatchMaterial = z.strictObject({
  material: plainText(60),
  actualKg: z.number().nonnegative('cannot be negative').max(100_000),
  /** The mix design's quantity for this load, when the batching system prints it. */
  targetKg: z.number().nonnegative('cannot be negative').max(100_000).optional(),
});
export type BatchMaterial = z.infer<typeof BatchMaterial>;

/**
 * "Batched": the plant's control room reports the batch ticket and sends the
 * load to plant QC. Every field is optional; what the batching system knows is kept.
 */
export const BatchedRequest = z.strictObject({
  /** When water met cement, if it differs from when loading started; the deadline follows it. */
  batchedAt: IsoDateTime.optional(),
  materials: z.array(BatchMaterial).max(20).default([]),
  /** Water kept back at the plant for a slump adjustment on site (it bounds what the site may add). */
  waterHeldBackLitres: z.number().nonnegative('cannot be negative').max(2000).optional(),
  note: safeText(500).optional(),
});
export type BatchedRequest = z.infer<typeof BatchedRequest>;

export interface BatchRecordDto {
  materials: BatchMaterial[];
  waterHeldBackLitres: number | null;
  recordedAt: string;
  recordedByName: string;
}

/** A step of the truck cycle confirmed by a person: arrival, discharge, departure. */
export const LoadStepRequest = z.strictObject({
  /** Kept for older clients: the same as observedAt, which wins when both are sent. */
  at: IsoDateTime.optional(),
  observedAt: ObservedAt,
  note: safeText(500).optional(),
});
export type LoadStepRequest = z.infer<typeof LoadStepRequest>;

export const LoadReasonRequest = z.strictObject({ reason: Reason });
export type LoadReasonRequest = z.infer<typeof LoadReasonRequest>;

export const DivertLoadRequest = z.strictObject({ pourId: Uuid, reason: Reason });
export type DivertLoadRequest = z.infer<typeof DivertLoadRequest>;

export const AddWaterRequest = z.strictObject({
  litres: z.number().positive('must be greater than 0').max(2000),
  addedBy: plainText(120),
  requestedBy: plainText(120),
});
export type AddWaterRequest = z.infer<typeof AddWaterRequest>;

export interface LoadEventDto {
  id: string;
  at: string;
  fromStatus: LoadStatus | null;
  toStatus: LoadStatus;
  actorName: string;
  note: string;
  /** When the server heard of the step; later than `at` for a step queued offline. */
  receivedAt: string;
}

export interface WaterAdditionDto {
  id: string;
  at: string;
  litres: number;
  addedBy: string;
  requestedBy: string;
  recordedBy: string;
}

export interface LoadEtaDto {
  arrivesAt: string;
  remainingM: number;
  speedKmh: number;
  /** 'route' when the truck is on the planned entry route, else straight line × detour factor. */
  method: 'route' | 'straight_line';
  /** Whether it arrives in time to discharge before the deadline, and by how much. */
  beatsDeadline: boolean | null;
  slackMinutes: number | null;
}

export interface LoadDto {
  id: string;
  ticketNumber: string;
  pourId: string;
  plantId: string;
  truckId: string | null;
  truckFleetNumber: string | null;
  mixId: string;
  mixCode: string;
  volumeM3: number;
  overOrderReason: string | null;
  status: LoadStatus;
  rejected: boolean;
  /** Lower goes first; a replacement for a rejected load jumps the queue. */
  queuePosition: number;
  replacesLoadId: string | null;
  batchedAt: string | null;
  dischargeDeadline: string | null;
  deadlineLimitedBy: 'max_age' | 'initial_setting' | null;
  minutesToDeadline: number | null;
  /** Arrived on site past its deadline: QC must look at it before discharge. */
  flaggedForQc: boolean;
  /** The site's verdict on its re-test: discharge waits for 'accepted'. */
  siteAcceptance: 'accepted' | 'retest_required' | 'rejected' | null;
  /** The batch ticket as the plant reported it, once batched. */
  batch: BatchRecordDto | null;
  /** For a load on its way to site with a known truck position. */
  eta: LoadEtaDto | null;
  waterAddedLitres: number;
  waterAllowanceLitres: number;
  allowedTransitions: LoadStatus[];
  createdAt: string;
  updatedAt: string;
}

export interface PourVolumesDto {
  plannedM3: number;
  deliveredM3: number;
  inTransitM3: number;
  rejectedM3: number;
  remainingM3: number;
  /** Planned minus everything ordered that has not failed: what new loads may still take. */
  unorderedM3: number;
}

export interface PourLoadsDto {
  loads: LoadDto[];
  volumes: PourVolumesDto;
}

/** What the plant's control room needs to know about the pour a load is for. */
export interface QueuePourDto {
  id: string;
  structuralElement: string;
  projectId: string;
  projectName: string;
  status: string;
  scheduledStart: string;
  pourRateM3PerHour: number;
  dispatchHold: { reason: string; byName: string; at: string } | null;
}

export interface PlantQueueItemDto {
  load: LoadDto;
  pour: QueuePourDto;
  /** When the plant should send it to keep the pour's rhythm; null once it has left. */
  targetReleaseAt: string | null;
  overdue: boolean;
  /** When the dispatch room's accepted plan has it start loading; null for a load ordered by hand. */
  plannedLoadAt: string | null;
}

/**
 * A plant's work in order: loads to batch, test and send, in their target
 * release order; then trucks on their way back, to be checked in.
 */
export interface PlantQueueDto {
  plantId: string;
  generatedAt: string;
  outbound: PlantQueueItemDto[];
  returning: PlantQueueItemDto[];
}

/** The route of each load step under /loads/{id}/, shared so the console never spells one by hand. */
export const LOAD_STEP_ROUTE = {
  start_loading: 'start-loading',
  send_to_qc: 'send-to-qc',
  depart: 'depart',
  arrive: 'arrive',
  start_discharge: 'start-discharge',
  end_discharge: 'end-discharge',
  leave_site: 'leave-site',
  back_at_plant: 'back-at-plant',
  dispose: 'dispose',
  cancel: 'cancel',
} as const satisfies Record<LoadStep, string>;
