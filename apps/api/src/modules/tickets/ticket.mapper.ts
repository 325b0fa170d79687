import type { DeliveryTicketContent, TicketVersionDto } from '@pourline/contracts';
import type { DeliveryTicketVersionEntity } from './delivery-ticket-version.entity';

export function toTicketVersionDto(row: DeliveryTicketVersionEntity): TicketVersionDto {
  const signed = row.outcome !== null && row.signedAt !== null;
  return {
    version: row.version,
    supersedesVersion: row.supersedesVersion,
    correction:
      row.correctionReason !== null
        ? { reason: row.correctionReason, byName: row.correctedByName ?? '', at: row.createdAt.toISOString() }
        : null,
    signedContent: row.signedContent as DeliveryTicketContent | null,
    outcome: row.outcome,
    moment: row.moment,
    refusalReason: row.refusalReason,
    signature: signed
      ? {
          signerName: row.signerName ?? '',
          imageDataUrl: row.signatureImage ? `data:image/png;base64,${row.signatureImage.toString('base64')}` : null,
          signedAt: row.signedAt!.toISOString(),
          recordedById: row.signedById ?? '',
          recordedByName: row.signedByName ?? '',
        }
      : null,
  };
}
