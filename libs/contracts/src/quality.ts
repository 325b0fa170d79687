import { z } from 'zod';
import { CUBE_SIZES_MM, type RecordedQcFailureReason, type StrengthEvaluation } from '@pourline/domain';
import { IsoDateTime, ObservedAt, safeText, Uuid, WrittenReason } from './common';
import { SignatureImage, type SignatureDto, SignerName } from './signatures';

export const QC_STAGES = ['plant', 'site'] as const;
export type QcStage = (typeof QC_STAGES)[number];

export const RecordQcTestRequest = z.strictObject({
  stage: z.enum(QC_STAGES),
  /** Slump, or slump flow for a self-compacting mix, in millimetres. */
  slumpMm: z.number().min(0, 'cannot be negative').max(900),
  temperatureC: z
    .number()
    .min(-30, 'below any fresh concrete')
    .max(80, 'above any fresh concrete')
    .nullable()
    .default(null),
  airPercent: z.number().min(0, 'cannot be negative').max(30).nullable().default(null),
  remarks: safeText(2000).default(''),
  /** The immediate re-test on the same sample, where the plant's rules allow one. */
  checkTestOf: Uuid.optional(),
  /** A correction: QC records are never changed, a new one references the old. */
  correctsTestId: Uuid.optional(),
  /** Optional photo as a data URL (JPEG or PNG, up to 2 MB). */
  photo: z
    .string()
    .regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/, 'a JPEG or PNG data URL')
    .max(2_800_000)
    .optional(),
  observedAt: ObservedAt,
});
export type RecordQcTestRequest = z.infer<typeof RecordQcTestRequest>;

export const OverrideQcRequest = z.strictObject({
  reason: WrittenReason,
});
export type OverrideQcRequest = z.infer<typeof OverrideQcRequest>;

export const QC_OUTCOMES = ['released', 'held', 'accepted', 'retest_required', 'rejected'] as const;
export type QcOutcome = (typeof QC_OUTCOMES)[number];

export interface QcOverrideDto {
  reason: string;
  byName: string;
  at: string;
}

export interface QcTestDto {
  id: string;
  loadId: string;
  stage: QcStage;
  slumpMm: number;
  slumpKind: 'slump' | 'slump_flow';
  designSlumpMm: number;
  temperatureC: number | null;
  airPercent: number | null;
  minutesSinceBatch: number;
  inspectorName: string;
  /** When the test was taken: the age of the concrete and the verdict are judged at this time. */
  testedAt: string;
  /** When the server received it; later than testedAt for a test queued offline. */
  receivedAt: string;
  remarks: string;
  pass: boolean;
  reasons: RecordedQcFailureReason[];
  outcome: QcOutcome;
  ruleSetVersion: string;
  checkTestOf: string | null;
  correctsTestId: string | null;
  hasPhoto: boolean;
  override: QcOverrideDto | null;
}

export interface NonConformanceDto {
  id: string;
  loadId: string;
  ticketNumber: string;
  pourId: string;
  qcTestId: string;
  reasons: RecordedQcFailureReason[];
  volumeM3: number;
  openedBy: string;
  openedAt: string;
  status: 'open' | 'closed';
  replacementLoadId: string;
}

export const CreateSpecimenSetRequest = z.strictObject({
  loadId: Uuid,
  specimenCount: z.number().int().min(1).max(12).default(3),
  /** 150 mm is the standard cube; 100 and 200 mm results are converted to it. */
  cubeSizeMm: z
    .number()
    .refine((size) => (CUBE_SIZES_MM as readonly number[]).includes(size), {
      message: 'cubes are 100, 150 or 200 mm',
      params: { rule: 'cube_size' },
    })
    .default(150),
  madeAt: IsoDateTime.optional(),
});
export type CreateSpecimenSetRequest = z.infer<typeof CreateSpecimenSetRequest>;

export const RecordStrengthRequest = z.strictObject({
  ageDays: z.union([z.literal(7), z.literal(28)]),
  strengthsMpa: z.array(z.number().positive().max(200)).length(3, 'a set has three cube results'),
});
export type RecordStrengthRequest = z.infer<typeof RecordStrengthRequest>;

export interface SpecimenSetDto {
  id: string;
  label: string;
  pourId: string;
  loadId: string;
  ticketNumber: string;
  mixCode: string;
  strengthGrade: string;
  specimenCount: number;
  cubeSizeMm: number;
  madeAt: string;
  madeBy: string;
  results7dMpa: number[] | null;
  results28dMpa: number[] | null;
  strength7dMpa: number | null;
  strength28dMpa: number | null;
  /** The supervising engineer's signature witnessing the specimens' making; null until witnessed. */
  witness: SignatureDto | null;
}

/** The supervising engineer witnesses the making of a specimen set with their name and drawn signature. */
export const WitnessSpecimenSetRequest = z.strictObject({
  signerName: SignerName,
  signature: SignatureImage,
});
export type WitnessSpecimenSetRequest = z.infer<typeof WitnessSpecimenSetRequest>;

export interface SamplingPlanDto {
  requiredSets: number;
  setsTaken: number;
  loadsDue: string[];
}

/** The pour's own 28-day sets judged as if they were one lot; acceptance proper is per inspection lot. */
export interface StrengthAcceptanceDto {
  mixCode: string;
  strengthGrade: string;
  sets: number;
  evaluation: StrengthEvaluation | null;
  note: string;
}
