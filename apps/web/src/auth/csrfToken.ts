import { CSRF_COOKIE, CSRF_HEADER } from '@pourline/contracts';

/**
 * The session's CSRF value, from the one cookie script may read (the session
 * token itself is httpOnly). Read at send time, so a new sign-in is used at once.
 */
export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** Requests that change something carry the CSRF value; another site's page cannot read it. */
export function withCsrfHeader(headers: Headers, method: string): void {
  if (method === 'GET' || method === 'HEAD') return;
  const token = readCsrfToken();
  if (token) headers.set(CSRF_HEADER, token);
}
