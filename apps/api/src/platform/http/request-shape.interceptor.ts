import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA, RouteParamtypes } from '@nestjs/common/internal';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { InvalidInputError } from '../errors/domain-error';

const RAW_REQUEST = 'pourline:raw-request';

/** A controller whose routes parse the request themselves (the tracker protocols' own formats). */
export const ParsesRawRequest = () => SetMetadata(RAW_REQUEST, true);

/** What a route reads of the request, from its parameter decorators. */
function readsOf(context: ExecutionContext): Set<number> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ??
    {}) as Record<string, unknown>;
  return new Set(Object.keys(args).map((key) => Number(key.split(':')[0])));
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
}

/**
 * A route that takes no query string or no body refuses one, as a schema refuses an unknown
 * field: a typo in a parameter name is told, not silently ignored. Controllers that parse the raw
 * request (tracker ingest) judge it themselves; a route that reads the request only for the client's
 * address or cookies is held to this like any other.
 */
@Injectable()
export class RequestShapeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    if (Reflect.getMetadata(RAW_REQUEST, context.getClass()) === true) return next.handle();
    const reads = readsOf(context);
    const request = context.switchToHttp().getRequest<Request>();
    if (!reads.has(RouteParamtypes.QUERY) && !isEmpty(request.query)) {
      const names = Object.keys(request.query).map((key) => `"${key}"`);
      throw new InvalidInputError(
        'unknown_query_parameters',
        `Invalid input: unknown query parameter${names.length > 1 ? 's' : ''} ${names.join(', ')}: this request takes none`,
        [`unknown query parameters: ${names.join(', ')}`],
      );
    }
    if (!reads.has(RouteParamtypes.BODY) && !isEmpty(request.body)) {
      const names =
        typeof request.body === 'object' ? Object.keys(request.body as object).map((key) => `"${key}"`) : [];
      const fields = names.length ? ` (unknown field${names.length > 1 ? 's' : ''} ${names.join(', ')})` : '';
      throw new InvalidInputError('unexpected_body', `Invalid input: this request takes no body${fields}`);
    }
    return next.handle();
  }
}
