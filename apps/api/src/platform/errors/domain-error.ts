/**
 * An error a person can act on. Modules subclass it with their own codes; one
 * filter maps every subclass to its HTTP answer.
 */
export class DomainError extends Error {
  /** Set on refusals that lift by themselves: sent as Retry-After. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    readonly code: string,
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
  constructor(what: string, id: string) {
    super(
      404,
      `${what.toLowerCase().replace(/\s+/g, '_')}_not_found`,
      `${what} ${id} does not exist or is not visible to you`,
    );
  }
}

/** A reference in a request body to something that does not exist. */
export class UnknownReferenceError extends DomainError {
  constructor(field: string, id: string) {
    super(404, 'unknown_reference', `${field}: nothing with id ${id} exists`, [field]);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, facts?: Record<string, unknown>) {
    super(409, code, message, undefined, facts);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, message: string) {
    super(403, code, message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(code: string, message: string, details?: string[], facts?: Record<string, unknown>) {
    super(400, code, message, details, facts);
  }
}
