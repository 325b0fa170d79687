import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { type ApiError, type CurrentUser, IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER } from '@pourline/contracts';
import { ConflictError, DomainError, InvalidInputError } from '../errors/domain-error';
import { ReplayedAnswer, toApiError } from '../errors/api-exception.filter';
import { IdempotencyRepository } from './idempotency.repository';
import { requestHash } from './request-hash';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,100}$/;
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * A write sent with an Idempotency-Key acts once: the first answer, success or
 * refusal, is stored and sent again for every repeat, so a tablet can resend
 * its queued actions after a drop without doing anything twice.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly requests: IdempotencyRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: CurrentUser }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header(IDEMPOTENCY_KEY_HEADER);
    if (!key || !WRITES.has(request.method) || !request.user) return next.handle();
    return from(this.handle(key, request, response, request.user.id, next));
  }

  private async handle(key: string, request: Request, response: Response, userId: string, next: CallHandler) {
    if (!KEY_PATTERN.test(key)) {
      throw new InvalidInputError(
        'invalid_idempotency_key',
        `${IDEMPOTENCY_KEY_HEADER}: 8 to 100 letters, digits or . _ : -`,
      );
    }
    const path = request.originalUrl.split('?')[0];
    const hash = requestHash(request.body);
    const earlier = await this.requests.claim(userId, key, { method: request.method, path, requestHash: hash });
    if (earlier) return this.replay(earlier, { method: request.method, path, requestHash: hash }, response);
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      const answer = toApiError(error);
      if (answer && answer.statusCode < 500) await this.requests.complete(userId, key, answer.statusCode, answer);
      else await this.requests.release(userId, key);
      throw error;
    }
    // The action has happened: if its answer cannot be stored, the claim stays and a retry is
    // told to wait, rather than being let through to act a second time.
    await this.requests.complete(userId, key, response.statusCode, body).catch(() => undefined);
    return body;
  }

  private replay(
    earlier: { method: string; path: string; requestHash: string | null; statusCode: number | null; body: unknown },
    request: { method: string; path: string; requestHash: string },
    response: Response,
  ): unknown {
    if (earlier.method !== request.method || earlier.path !== request.path) {
      throw new ConflictError('idempotency_key_reused', `This ${IDEMPOTENCY_KEY_HEADER} was used for another request`);
    }
    if (earlier.requestHash !== null && earlier.requestHash !== request.requestHash) {
      throw new DomainError(
        422,
        'idempotency_key_reused_with_other_body',
        `This ${IDEMPOTENCY_KEY_HEADER} was used for the same action with a different body; use a new key for a new request`,
      );
    }
    if (earlier.statusCode === null) {
      throw new ConflictError(
        'request_in_progress',
        'The first request with this key is still being handled; retry shortly',
      );
    }
    response.setHeader(IDEMPOTENT_REPLAY_HEADER, 'true');
    if (earlier.statusCode >= 400) throw new ReplayedAnswer(earlier.body as ApiError);
    return earlier.body;
  }
}
