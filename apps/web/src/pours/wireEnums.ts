import { DocumentTypeSchema, type PourDocumentDto, type PourDto, PourStatusSchema } from '@pourline/contracts';

/**
 * The closed lists the console offers in selects, read from the contracts'
 * own schemas so they cannot drift from what the API validates.
 */
export type PourStatus = PourDto['status'];
export type DocumentType = PourDocumentDto['type'];

export const POUR_STATUS_OPTIONS: readonly PourStatus[] = PourStatusSchema.options;
export const DOCUMENT_TYPE_OPTIONS: readonly DocumentType[] = DocumentTypeSchema.options;

export function isPourStatus(value: unknown): value is PourStatus {
  return PourStatusSchema.safeParse(value).success;
}

export function isDocumentType(value: unknown): value is DocumentType {
  return DocumentTypeSchema.safeParse(value).success;
}
