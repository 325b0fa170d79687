import type { DuplicateDocumentFacts } from '@pourline/contracts';
import { ConflictError, DomainError, InvalidInputError } from '../../platform/errors/domain-error';

export class UnsupportedDocumentError extends DomainError {
  constructor() {
    super(415, 'unsupported_document_type', 'Upload a PDF, PNG or JPEG file');
  }
}

export class MissingFileError extends InvalidInputError {
  constructor() {
    super('file_missing', 'file: attach the report as a multipart field named "file"', ['file']);
  }
}

export class AlreadyDeliveredError extends ConflictError {
  constructor(at: Date) {
    super('already_delivered', `This report was already delivered at ${at.toISOString()}`, { at: at.toISOString() });
  }
}

export class DeliveredDocumentLockedError extends ConflictError {
  constructor() {
    super(
      'document_delivered',
      'A delivered report is part of the record and cannot be deleted; upload a newer one instead',
    );
  }
}

export class CustomerAcknowledgesError extends ConflictError {
  constructor(customerName: string) {
    super(
      'customer_acknowledges',
      `${customerName} has its own access to Pourline: its people acknowledge the report's receipt themselves`,
      { customerName },
    );
  }
}

/** The same file again as a report of the same type for the same pour: kept only when the uploader confirms. */
export class DuplicateDocumentError extends ConflictError {
  constructor(facts: DuplicateDocumentFacts) {
    super(
      'duplicate_document',
      `This file is already on the pour as "${facts.title}" (${facts.fileName}), uploaded by ${facts.uploadedBy} ` +
        `at ${facts.uploadedAt}; send confirmDuplicate=true to keep a second copy`,
      { ...facts },
    );
  }
}
