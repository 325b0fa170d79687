import { createHash } from 'node:crypto';

/** The body as JSON with its keys in order, so the same request hashes the same however it was written. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** SHA-256 of a request body; an absent body and an empty one are the same request. */
export function requestHash(body: unknown): string {
  const empty = body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
  return createHash('sha256')
    .update(JSON.stringify(empty ? {} : canonical(body)))
    .digest('hex');
}
