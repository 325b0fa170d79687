import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_FLEET_USER_AGENT } from '@pourline/contracts';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** A caller's own request id is kept when it is plain and short; anything else gets a fresh one. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && CALLER_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Trackers report every second and health is polled: logging each would drown the rest, and the
 * tracker path is the hottest one in the process, so it skips the access log entirely.
 */
export function skipsAccessLog(url: string | undefined): boolean {
  return url === undefined || url.startsWith('/api/ingest/') || url === '/api/health';
}

/** The console's own files and the demo fleet's calls are many and dull when they succeed. */
function isRoutine(request: IncomingMessage): boolean {
  return !request.url?.startsWith('/api/') || request.headers['user-agent'] === DEMO_FLEET_USER_AGENT;
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** One line per request with its id, status and duration; the id is echoed as `X-Request-Id`. */
export function accessLog(logger: Logger): Middleware {
  const log = pinoHttp({
    logger,
    genReqId: (request, response) => {
      const id = requestIdFor(request.headers['x-request-id']);
      response.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (request, response, error) => {
      if (error || response.statusCode >= 500) return 'error';
      if (response.statusCode >= 400) return 'warn';
      return isRoutine(request) ? 'debug' : 'info';
    },
    // Headers carry tokens and cookies: only what identifies the request is written.
    serializers: {
      req: (request: { id: unknown; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  });
  return (request, response, next) => {
    if (skipsAccessLog(request.url)) next();
    else log(request, response, next);
  };
}
