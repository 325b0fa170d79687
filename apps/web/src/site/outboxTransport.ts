import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER } from '@pourline/contracts';
import { withCsrfHeader } from '../auth/csrfToken';
import { classifyResponse, type OutboxRequest, type SendOutcome } from './outbox';

/** A patchy network can leave a request hanging; the head of the queue must not wait on it for ever. */
const SEND_TIMEOUT_MS = 15_000;

/**
 * Sends one outbox item with its idempotency key. Done with fetch rather than
 * the API client because the key goes in a header and a replay is read from
 * one. The session cookie goes by itself; the CSRF value is read at send
 * time, so a new sign-in is used at once.
 */
export function createOutboxTransport() {
  return async (request: OutboxRequest, idempotencyKey: string): Promise<SendOutcome> => {
    const headers = new Headers({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      [IDEMPOTENCY_KEY_HEADER]: idempotencyKey,
    });
    withCsrfHeader(headers, 'POST');
    let response: Response;
    try {
      response = await fetch(`/api${request.path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(request.body ?? {}),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch {
      return { kind: 'retry', reason: 'network_error' };
    }
    let body: unknown;
    try {
      const text = await response.text();
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return classifyResponse(response.status, response.headers.get(IDEMPOTENT_REPLAY_HEADER) === 'true', body);
  };
}
