import type { ApiError, ValidationIssue } from '@pourline/contracts';

/** A failed request, in the API's own error shape worded for people by errorMessage. */
export class ApiRequestError extends Error implements ApiError {
  readonly statusCode: number;
  readonly code: string;
  readonly details?: string[];
  readonly issues?: ValidationIssue[];
  readonly facts?: Record<string, unknown>;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.statusCode = error.statusCode;
    this.code = error.code;
    this.details = error.details;
    this.issues = error.issues;
    this.facts = error.facts;
  }

  /** Status 0: the request never got an answer (offline, server down, CORS). */
  get isNetworkFailure(): boolean {
    return this.statusCode === 0;
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
