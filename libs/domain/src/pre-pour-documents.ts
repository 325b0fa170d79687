/** Technical reports the construction party receives before a pour. */
export const DOCUMENT_TYPES = [
  'mix_design_report',
  'cement_report',
  'coarse_aggregate_report',
  'sand_report',
  'admixture_report',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Every report but "other": what a pour needs unless its plan says otherwise. */
export const DEFAULT_REQUIRED_DOCUMENT_TYPES: readonly DocumentType[] = [
  'mix_design_report',
  'cement_report',
  'coarse_aggregate_report',
  'sand_report',
  'admixture_report',
];

export interface PourDocumentDelivery {
  type: DocumentType;
  deliveredAt: Date | null;
}

export function isDocumentType(value: unknown): value is DocumentType {
  return (DOCUMENT_TYPES as readonly unknown[]).includes(value);
}

/**
 * Required types with no delivered document, in the order they were required.
 * An uploaded but undelivered report does not count: the gate is about what
 * the construction party has in hand.
 */
export function undeliveredRequiredDocuments(
  required: readonly DocumentType[],
  documents: readonly PourDocumentDelivery[],
): DocumentType[] {
  const delivered = new Set(documents.filter((doc) => doc.deliveredAt !== null).map((doc) => doc.type));
  return [...new Set(required)].filter((type) => !delivered.has(type));
}
