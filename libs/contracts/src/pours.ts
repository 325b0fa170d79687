import { z } from 'zod';
import {
  IsoDate,
  IsoDateTime,
  LatLng,
  LineString,
  ObservedAt,
  PageQuery,
  patchSchema,
  plainText,
  safeText,
  Uuid,
  WrittenReason,
} from './common';
import { DOCUMENT_TYPES, type DocumentType, POUR_STATUSES, type PourStatus } from '@pourline/domain';
import { PlanConfirmations } from './plan-sanity';

export const PourStatusSchema = z.enum(POUR_STATUSES);

export const PUMPING_METHODS = ['boom_pump', 'line_pump', 'direct_discharge', 'crane_and_bucket'] as const;

export const PourPlanFields = z.strictObject({
  projectId: Uuid,
  plantId: Uuid,
  structuralElement: plainText(200),
  scheduledStart: IsoDateTime,
  volumeM3: z.number().positive('must be greater than 0').max(20000),
  pourRateM3PerHour: z.number().positive('must be greater than 0').max(500),
  startPoint: LatLng,
  endPoint: LatLng,
  direction: safeText(200).default(''),
  pumpId: Uuid.nullable().default(null),
  pumpPosition: LatLng.nullable().default(null),
  pumpingMethod: z.enum(PUMPING_METHODS),
  entryRoute: LineString,
  exitRoute: LineString,
  truckCount: z.number().int().min(1).max(200),
  mixId: Uuid,
  slumpTargetMm: z.number().int().min(0).max(850),
  slumpToleranceMm: z.number().int().min(1).max(100),
  initialSettingMinutes: z
    .number()
    .int()
    .min(30)
    .max(24 * 60),
  requiredDocumentTypes: z.array(z.enum(DOCUMENT_TYPES)).max(10).optional(),
  notes: safeText(4000).default(''),
  /** Not part of the plan: what the author confirms, with a reason, to save it anyway. */
  confirm: PlanConfirmations.optional(),
});

const pumpNeedsPosition = (plan: { pumpId?: string | null; pumpPosition?: unknown }) =>
  !plan.pumpId || plan.pumpPosition !== null;

export const CreatePourRequest = PourPlanFields.refine(pumpNeedsPosition, {
  message: 'a pour with a pump needs the pump set-up position',
  params: { rule: 'pump_position_needed' },
  path: ['pumpPosition'],
});
export type CreatePourRequest = z.infer<typeof CreatePourRequest>;
export const UpdatePourRequest = patchSchema(PourPlanFields);
export type UpdatePourRequest = z.infer<typeof UpdatePourRequest>;

export const ChangePourStatusRequest = z.strictObject({
  status: PourStatusSchema,
  /** Only an administrator may release a pour whose required reports are not all delivered. */
  overrideReason: WrittenReason.optional(),
});
export type ChangePourStatusRequest = z.infer<typeof ChangePourStatusRequest>;

export const PourListQuery = PageQuery.extend({
  day: IsoDate.optional(),
  status: PourStatusSchema.optional(),
  plantId: Uuid.optional(),
  projectId: Uuid.optional(),
});
export type PourListQuery = z.infer<typeof PourListQuery>;

export interface DocumentGateOverride {
  reason: string;
  byUserId: string;
  byName: string;
  at: string;
}

export interface PourDto extends Omit<CreatePourRequest, 'requiredDocumentTypes' | 'confirm'> {
  id: string;
  status: PourStatus;
  requiredDocumentTypes: DocumentType[];
  projectName: string;
  customerName: string;
  plantName: string;
  plantTimeZone: string;
  mixCode: string;
  pumpCode: string | null;
  undeliveredDocumentTypes: DocumentType[];
  documentGateOverride: DocumentGateOverride | null;
  /** Set while the dispatch room holds loads back from this pour. */
  dispatchHold: { reason: string; byName: string; at: string } | null;
  allowedTransitions: PourStatus[];
  createdAt: string;
  updatedAt: string;
}

/** What a site may ask of the dispatch room about its pour's rhythm. */
export const POUR_REQUEST_KINDS = ['speed_up', 'slow_down', 'hold', 'resume'] as const;
export type PourRequestKind = (typeof POUR_REQUEST_KINDS)[number];

export const CreatePourRequestMessage = z.strictObject({
  kind: z.enum(POUR_REQUEST_KINDS),
  note: safeText(500).default(''),
  observedAt: ObservedAt,
});
export type CreatePourRequestMessage = z.infer<typeof CreatePourRequestMessage>;

export interface PourRequestDto {
  id: string;
  pourId: string;
  projectId: string;
  kind: PourRequestKind;
  note: string;
  byName: string;
  at: string;
  /** The dispatch room's "copy": who heard it and when. */
  acknowledgement: PourRequestAcknowledgementDto | null;
}

export interface PourRequestAcknowledgementDto {
  byName: string;
  at: string;
  note: string;
}

export const AcknowledgePourRequest = z.strictObject({
  note: safeText(200).default(''),
});
export type AcknowledgePourRequest = z.infer<typeof AcknowledgePourRequest>;

export const OpenPourRequestsQuery = z.strictObject({
  /** How far back to look; requests older than this are history, not work. */
  sinceHours: z.coerce.number().int().min(1).max(72).default(12),
});
export type OpenPourRequestsQuery = z.infer<typeof OpenPourRequestsQuery>;

/** The dispatch room stops sending loads to a pour, and starts again. */
export const DispatchHoldRequest = z.strictObject({
  reason: safeText(500).refine((text) => text.length >= 3, 'say why, in a few words'),
});
export type DispatchHoldRequest = z.infer<typeof DispatchHoldRequest>;
