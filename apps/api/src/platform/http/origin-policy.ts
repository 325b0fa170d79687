import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * Which web pages may talk to the API: the console's own origin, and those
 * named in ALLOWED_ORIGINS. A request without an Origin header comes from a
 * program, not a page, and carries its own credentials, so it passes.
 */
export class OriginPolicy {
  constructor(
    private readonly allowedOrigins: readonly string[],
    /** Believe X-Forwarded-Host, as a proxy named in TRUST_PROXY sets it. */
    private readonly trustProxy: boolean,
  ) {}

  allows(headers: IncomingHttpHeaders): boolean {
    const origin = headers.origin;
    if (origin === undefined) return true;
    if (this.allowedOrigins.includes(origin)) return true;
    const forwarded = this.trustProxy ? first(headers['x-forwarded-host']) : undefined;
    const host = forwarded ?? headers.host;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  /** CORS answers for the listed origins only; the console's own pages need none. */
  get listed(): string[] {
    return [...this.allowedOrigins];
  }

  refusal(origin: string | undefined): string {
    return `Pages from ${origin ?? 'this origin'} may not use this API; add the origin to ALLOWED_ORIGINS`;
  }

  /** Refuses API calls from a foreign page before they reach a route (the console's files stay public). */
  middleware() {
    return (request: Request, response: Response, next: NextFunction) => {
      if (!request.path.startsWith('/api') || this.allows(request.headers)) return next();
      response
        .status(403)
        .json({ statusCode: 403, code: 'origin_not_allowed', message: this.refusal(request.headers.origin) });
    };
  }
}

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim() || undefined;
}
