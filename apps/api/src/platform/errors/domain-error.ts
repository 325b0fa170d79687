import { type ApiErrorCode, NOT_FOUND_CODES, type NotFoundSubject, type ValidationIssue } from '@pourline/contracts';

/**
 * An error a person can act on. Modules subclass it with their own codes; one
 * filter maps every subclass to its HTTP answer.
 */
export class DomainError extends Error {
  /** Set on refusals that lift by themselves: sent as Retry-After. */
  readonly retryAfterSeconds?: number;
  /** Set on a request that broke its schema: each issue as data. */
  readonly issues?: ValidationIssue[];

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: string[],
    /** What the refusal is about, for clients that word it themselves. */
    readonly facts?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: NotFoundSubject, id: string) {
    super(404, NOT_FOUND_CODES[what], `${what} ${id} does not exist or is not visible to you`);
  }
}

/** A reference in a request body to something that does not exist. */
export class UnknownReferenceError extends DomainError {
  constructor(field: string, id: string) {
    super(404, 'unknown_reference', `${field}: nothing with id ${id} exists`, [field]);
  }
}

export class ConflictError extends DomainError {
  constructor(code: ApiErrorCode, message: string, facts?: Record<string, unknown>) {
    super(409, code, message, undefined, facts);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: ApiErrorCode, message: string, facts?: Record<string, unknown>) {
    super(403, code, message, undefined, facts);
  }
}

export class InvalidInputError extends DomainError {
  constructor(code: ApiErrorCode, message: string, details?: string[], facts?: Record<string, unknown>) {
    super(400, code, message, details, facts);
  }
}

/** A request that broke its schema: the issues as sentences (details) and as data (issues). */
export class InvalidRequestError extends DomainError {
  override readonly issues: ValidationIssue[];

  constructor(sentences: string[], issues: ValidationIssue[]) {
    super(400, 'invalid_input', `Invalid input: ${sentences.join('; ')}`, sentences);
    this.issues = issues;
  }
}
