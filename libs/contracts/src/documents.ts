import { z } from 'zod';

import { DOCUMENT_TYPES, type DocumentType } from '@pourline/domain';

export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** Multipart form fields sent beside the file. */
export const UploadDocumentFields = z.object({
  type: DocumentTypeSchema,
  title: z.string().trim().min(1).max(200),
});
export type UploadDocumentFields = z.infer<typeof UploadDocumentFields>;

export const DeliverDocumentRequest = z.object({
  deliveredTo: z.string().trim().min(1, 'name the person of the construction party').max(120),
});
export type DeliverDocumentRequest = z.infer<typeof DeliverDocumentRequest>;

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
