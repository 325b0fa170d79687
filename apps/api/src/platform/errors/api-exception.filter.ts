import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError, ApiErrorCode } from '@pourline/contracts';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

const CODES_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

function fromHttpException(error: HttpException): ApiError {
  const statusCode = error.getStatus();
  const body = error.getResponse();
  const code = CODES_BY_STATUS[statusCode] ?? 'error';
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message)) {
      return { statusCode, code, message: `Invalid input: ${message.join('; ')}`, details: message.map(String) };
    }
    return { statusCode, code, message: String(message) };
  }
  return { statusCode, code, message: String(body) };
}

function fromDatabaseError(error: QueryFailedError): ApiError | undefined {
  const driverError = error.driverError as { code?: string; detail?: string };
  if (driverError.code === '23505') {
    return { statusCode: 409, code: 'duplicate', message: driverError.detail ?? 'That value is already taken' };
  }
  if (driverError.code === '23503') {
    return { statusCode: 409, code: 'still_referenced', message: driverError.detail ?? 'It is still referenced' };
  }
  return undefined;
}

/** The API's answer for a failure; undefined when it is not one a client caused. */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ReplayedAnswer) return error.body;
  if (error instanceof DomainError) {
    const { status: statusCode, code, message, details, issues, facts } = error;
    return {
      statusCode,
      code,
      message,
      ...(details ? { details } : {}),
      ...(issues ? { issues } : {}),
      ...(facts ? { facts } : {}),
    };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (error instanceof QueryFailedError) return fromDatabaseError(error);
  return undefined;
}

/** A stored refusal sent again for a repeated idempotent request. */
export class ReplayedAnswer extends Error {
  constructor(readonly body: ApiError) {
    super(body.message);
  }
}

/** One place where every failure becomes the API's error shape. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let body = toApiError(error);
    if (!body) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      body = {
        statusCode: 500,
        code: 'internal_error',
        message: 'Something went wrong on our side; it has been logged',
      };
    }
    // A refusal that ends by itself (too many sign-ins) says when to try again.
    if (error instanceof DomainError && typeof error.retryAfterSeconds === 'number') {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }
}
