import { z } from 'zod';
import { ObservedAt, WrittenReason, safeText } from './common';
import type { LoadStatus } from '@pourline/domain';
import type { QcTestDto } from './quality';
import { SignatureImage, type SignatureDto, SignerName } from './signatures';

/** The site signs a ticket when the truck arrives or once its concrete is in. */
export const TICKET_SIGN_MOMENTS = ['arrival', 'discharge'] as const;
export type TicketSignMoment = (typeof TICKET_SIGN_MOMENTS)[number];

/** Sign the ticket, or refuse it with a written reason (a drawn signature is then optional). */
export const TicketSignatureRequest = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('signed'),
    moment: z.enum(TICKET_SIGN_MOMENTS),
    signerName: SignerName,
    signature: SignatureImage,
    observedAt: ObservedAt,
  }),
  z.strictObject({
    outcome: z.literal('refused'),
    moment: z.enum(TICKET_SIGN_MOMENTS),
    signerName: SignerName,
    signature: SignatureImage.optional(),
    reason: WrittenReason,
    observedAt: ObservedAt,
  }),
]);
export type TicketSignatureRequest = z.infer<typeof TicketSignatureRequest>;

/** A signed or refused ticket is never changed: a correction is a new version that references it. */
export const TicketCorrectionRequest = z.strictObject({
  reason: WrittenReason,
  /** What the corrected ticket says in its remarks. */
  remarks: safeText(1000).default(''),
});
export type TicketCorrectionRequest = z.infer<typeof TicketCorrectionRequest>;

/** What a delivery ticket says: everything the site signs for. */
export interface DeliveryTicketContent {
  ticketNumber: string;
  loadId: string;
  status: LoadStatus;
  plant: { code: string; name: string; address: string; timeZone: string };
  customerName: string;
  projectName: string;
  projectAddress: string;
  structuralElement: string;
  truckFleetNumber: string | null;
  mixCode: string;
  mixName: string;
  strengthClass: string;
  volumeM3: number;
  batchedAt: string | null;
  departedAt: string | null;
  arrivedAt: string | null;
  dischargeStartedAt: string | null;
  dischargeEndedAt: string | null;
  dischargeDeadline: string | null;
  water: { at: string; litres: number; addedBy: string; requestedBy: string }[];
  tests: Pick<
    QcTestDto,
    | 'id'
    | 'stage'
    | 'slumpMm'
    | 'slumpKind'
    | 'designSlumpMm'
    | 'temperatureC'
    | 'airPercent'
    | 'testedAt'
    | 'inspectorName'
    | 'pass'
    | 'outcome'
  >[];
  rejected: boolean;
  remarks: string;
}

export interface TicketVersionDto {
  version: number;
  /** The version this one corrects; null for the first. */
  supersedesVersion: number | null;
  correction: { reason: string; byName: string; at: string } | null;
  /** What was signed or refused, frozen at that moment; null while unsigned (the ticket's live content applies). */
  signedContent: DeliveryTicketContent | null;
  outcome: 'signed' | 'refused' | null;
  moment: TicketSignMoment | null;
  refusalReason: string | null;
  signature: SignatureDto | null;
}

export interface DeliveryTicketDto {
  /** The ticket as it reads now: the current version's signed content, or the load's live data while unsigned. */
  content: DeliveryTicketContent;
  currentVersion: number;
  /** Oldest first; the last is the current one. */
  versions: TicketVersionDto[];
  /** Whether the current version can still be signed (the truck has arrived and nobody has signed it). */
  signable: boolean;
}
