import { z } from 'zod';
import { IsoDateTime, plainText, safeText, Uuid, WrittenReason } from './common';

/**
 * A pour the construction party asks for: what, how much, when, which
 * concrete and whether it needs a pump. The producer plans it as a pour.
 */
export const CreatePourOrderRequest = z.strictObject({
  projectId: Uuid,
  structuralElement: plainText(200),
  volumeM3: z.number().positive('must be greater than 0').max(5000),
  wantedStart: IsoDateTime,
  strengthGrade: z.string().regex(/^C(1[05]|[2-9][05]|100)$/, 'a grade such as C30'),
  /** A mix of the producer's the customer names, when it knows one. */
  mixId: Uuid.optional(),
  slumpMm: z.number().int().min(10).max(800),
  pumpWanted: z.boolean(),
  notes: safeText(1000).default(''),
});
export type CreatePourOrderRequest = z.infer<typeof CreatePourOrderRequest>;

export const POUR_ORDER_STATUSES = ['requested', 'planned', 'declined'] as const;
export type PourOrderStatus = (typeof POUR_ORDER_STATUSES)[number];

/** The dispatch room answers an order with the pour it planned for it, or declines it in writing. */
export const PlanPourOrderRequest = z.strictObject({ pourId: Uuid });
export type PlanPourOrderRequest = z.infer<typeof PlanPourOrderRequest>;
export const DeclinePourOrderRequest = z.strictObject({ reason: WrittenReason });
export type DeclinePourOrderRequest = z.infer<typeof DeclinePourOrderRequest>;

export const PourOrderListQuery = z.strictObject({ status: z.enum(POUR_ORDER_STATUSES).optional() });
export type PourOrderListQuery = z.infer<typeof PourOrderListQuery>;

export interface PourOrderDto extends Omit<CreatePourOrderRequest, 'mixId'> {
  id: string;
  projectName: string;
  mixId: string | null;
  status: PourOrderStatus;
  pourId: string | null;
  declineReason: string | null;
  requestedByName: string;
  requestedAt: string;
  answeredByName: string | null;
  answeredAt: string | null;
}

/** The customer agrees the pour's plan, or asks for changes and says which. */
export const PlanResponseRequest = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('agreed'), note: safeText(1000).default('') }),
  z.strictObject({ decision: z.literal('changes_requested'), note: plainText(1000) }),
]);
export type PlanResponseRequest = z.infer<typeof PlanResponseRequest>;

export interface PlanResponseDto {
  id: string;
  pourId: string;
  decision: 'agreed' | 'changes_requested';
  note: string;
  /** The plan's version it answers: a later edit of the plan needs a new answer. */
  planVersion: number;
  byName: string;
  at: string;
}
