import { createHash, timingSafeEqual } from 'node:crypto';

const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The columns to write for a secret in a request: absent leaves it, null clears it. */
export function secretHash(secret: string | null | undefined): { trackerSecretHash?: string | null } {
  if (secret === undefined) return {};
  return { trackerSecretHash: secret === null ? null : sha256(secret) };
}

export function secretMatches(expectedHash: string, secret: string | undefined): boolean {
  if (!secret) return false;
  return timingSafeEqual(Buffer.from(sha256(secret), 'hex'), Buffer.from(expectedHash, 'hex'));
}
