import { z } from 'zod';

import { DOCUMENT_TYPES, type DocumentType } from '@pourline/domain';
import { plainText } from './common';

export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** Multipart form fields sent beside the file. */
export const UploadDocumentFields = z.strictObject({
  type: DocumentTypeSchema,
  title: plainText(200),
  /**
   * 'true' to keep a file the pour already holds as a report of the same type (same content):
   * without it such an upload is refused with `duplicate_document`, naming the earlier one.
   */
  confirmDuplicate: z.literal('true').optional(),
});
export type UploadDocumentFields = z.infer<typeof UploadDocumentFields>;

export const DeliverDocumentRequest = z.strictObject({
  deliveredTo: plainText(120, 'name the person of the construction party'),
});
export type DeliverDocumentRequest = z.infer<typeof DeliverDocumentRequest>;

/** The facts of a `duplicate_document` refusal: the report already holding the same file. */
export interface DuplicateDocumentFacts {
  documentId: string;
  type: DocumentType;
  title: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface PourDocumentDto {
  id: string;
  pourId: string;
  type: DocumentType;
  title: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
  deliveredAt: string | null;
  deliveredBy: string | null;
  deliveredTo: string | null;
  /**
   * True when a person of the construction party acknowledged receipt in
   * Pourline; false for the producer's manual mark, kept for customers without
   * an account.
   */
  acknowledgedByCustomer: boolean;
}
