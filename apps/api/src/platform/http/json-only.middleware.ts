import type { ApiError } from '@pourline/contracts';
import type { NextFunction, Request, Response } from 'express';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Trackers speak their own formats (OsmAnd query and form fields, Traccar JSON); they judge them. */
const OWN_FORMATS = /^\/api\/ingest\//;
/** A pour's document arrives as a file beside its fields. */
const UPLOADS = /^\/api\/pours\/[^/]+\/documents\/?$/;

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The API reads JSON: a body of any other type is refused with 415 before it is parsed, so a
 * form post cannot reach a handler through the form parser the tracker protocols need.
 */
export function jsonOnly(request: Request, response: Response, next: NextFunction): void {
  if (!WRITES.has(request.method) || !request.path.startsWith('/api/') || OWN_FORMATS.test(request.path)) {
    return next();
  }
  if (!hasBody(request) || request.is('application/json')) return next();
  if (UPLOADS.test(request.path) && request.is('multipart/form-data')) return next();
  const type = request.headers['content-type'];
  const body: ApiError = {
    statusCode: 415,
    code: 'unsupported_media_type',
    message: type
      ? `A body of type ${type.split(';')[0]} is not taken here: send JSON (Content-Type: application/json)`
      : 'A body without a Content-Type is not taken here: send JSON (Content-Type: application/json)',
  };
  response.status(415).json(body);
}
