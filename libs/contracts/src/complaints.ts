import { z } from 'zod';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATES,
  type ComplaintCategory,
  type ComplaintState,
  type ComplaintTimer,
  type ComplaintTimerStatus,
} from '@pourline/domain';
import { IsoDate, plainText, safeText, Uuid } from './common';

/**
 * Complaints and suggestions: raised by the customer or by after-sales on
 * their behalf, linked to what they are about, and worked from receipt to a
 * follow-up visit that hears the customer's satisfaction.
 */
export const COMPLAINT_KINDS = ['complaint', 'suggestion'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const ComplaintCategorySchema = z.enum(COMPLAINT_CATEGORIES);
export const ComplaintStateSchema = z.enum(COMPLAINT_STATES);

/** Photos of what the customer saw: PNG or JPEG, checked by their bytes, at most this large. */
export const MAX_COMPLAINT_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_COMPLAINT_PHOTOS = 8;

export const RaiseComplaintRequest = z
  .strictObject({
    kind: z.enum(COMPLAINT_KINDS).default('complaint'),
    category: ComplaintCategorySchema,
    /** The project it is about; implied by a pour, load or ticket when one is given. */
    projectId: Uuid.optional(),
    pourId: Uuid.optional(),
    loadId: Uuid.optional(),
    /** The delivery ticket's number, as printed, instead of the load's id. */
    ticketNumber: plainText(40).optional(),
    title: plainText(160),
    description: plainText(4000),
    /** The customer's concrete was taken back because it was ours to blame: links the rejected load's record. */
    concreteReturned: z.boolean().default(false),
  })
  .refine(
    (request) => request.projectId || request.pourId || request.loadId || request.ticketNumber,
    'say which project, pour, load or ticket the complaint is about',
  )
  .refine(
    (request) => !request.concreteReturned || request.loadId || request.ticketNumber,
    'a return of concrete names the rejected load or its ticket',
  );
export type RaiseComplaintRequest = z.infer<typeof RaiseComplaintRequest>;

export const ComplaintStepRequest = z.strictObject({
  to: ComplaintStateSchema,
  note: plainText(1000),
});
export type ComplaintStepRequest = z.infer<typeof ComplaintStepRequest>;

export const AddCorrectiveActionRequest = z.strictObject({
  description: plainText(1000),
  owner: plainText(120),
  dueDate: IsoDate,
});
export type AddCorrectiveActionRequest = z.infer<typeof AddCorrectiveActionRequest>;

export const CompleteCorrectiveActionRequest = z.strictObject({ note: plainText(1000) });
export type CompleteCorrectiveActionRequest = z.infer<typeof CompleteCorrectiveActionRequest>;

export const FollowUpRequest = z.strictObject({
  visitedOn: IsoDate,
  note: plainText(1000),
  satisfaction: z.number().int().min(1, 'satisfaction is 1 to 5').max(5, 'satisfaction is 1 to 5'),
  satisfactionComment: safeText(1000),
});
export type FollowUpRequest = z.infer<typeof FollowUpRequest>;

export const ComplaintListQuery = z.strictObject({
  state: z.enum([...COMPLAINT_STATES, 'open'] as const).optional(),
  pourId: Uuid.optional(),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

const Minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 60);
export const ComplaintTimerSettingRequest = z
  .strictObject({ acknowledge: Minutes, first_response: Minutes, resolve: Minutes })
  .refine(
    (minutes) => minutes.acknowledge <= minutes.first_response && minutes.first_response <= minutes.resolve,
    'the promises keep their order: acknowledge ≤ first response ≤ resolve',
  );
export type ComplaintTimerSettingRequest = z.infer<typeof ComplaintTimerSettingRequest>;
export const ComplaintCategoryParam = z.strictObject({ category: ComplaintCategorySchema });
export type ComplaintCategoryParam = z.infer<typeof ComplaintCategoryParam>;

export interface ComplaintStepDto {
  state: ComplaintState;
  at: string;
  byName: string;
  note: string;
}

export interface CorrectiveActionDto {
  id: string;
  description: string;
  owner: string;
  dueDate: string;
  createdAt: string;
  createdByName: string;
  done: { at: string; byName: string; note: string } | null;
}

export interface ComplaintPhotoDto {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedByName: string;
  uploadedAt: string;
}

export interface ComplaintTimerDto {
  timer: ComplaintTimer;
  dueAt: string;
  status: ComplaintTimerStatus;
  metAt: string | null;
}

export interface ComplaintSummaryDto {
  id: string;
  number: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  state: ComplaintState;
  title: string;
  customerName: string;
  projectId: string;
  projectName: string;
  pourId: string | null;
  pourLabel: string | null;
  loadId: string | null;
  ticketNumber: string | null;
  raisedVia: 'customer' | 'after_sales';
  raisedByName: string;
  receivedAt: string;
  timers: ComplaintTimerDto[];
  /** The worst of its timers now, for sorting a worklist. */
  overdue: boolean;
}

export interface ComplaintDto extends ComplaintSummaryDto {
  description: string;
  concreteReturned: boolean;
  nonConformanceId: string | null;
  steps: ComplaintStepDto[];
  actions: CorrectiveActionDto[];
  photos: ComplaintPhotoDto[];
  followUp: {
    visitedOn: string;
    note: string;
    satisfaction: number;
    satisfactionComment: string;
    byName: string;
    at: string;
  } | null;
}

export interface ComplaintTimerSettingDto {
  category: ComplaintCategory;
  minutes: Record<ComplaintTimer, number>;
  isDefault: boolean;
}

/**
 * That a complaint changed, and no more: live events reach everyone who follows the project,
 * so the complaint itself is fetched by those allowed to read it.
 */
export interface ComplaintChangedPayload {
  id: string;
  number: string;
  state: ComplaintState;
}

/** The payload of an overdue alert: which complaint broke which promise. */
export interface ComplaintOverduePayload {
  complaintId: string;
  number: string;
  category: ComplaintCategory;
  timer: ComplaintTimer;
  dueAt: string;
  title: string;
}
