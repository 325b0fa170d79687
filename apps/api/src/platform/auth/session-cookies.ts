import { CSRF_COOKIE, SESSION_COOKIE } from '@pourline/contracts';
import { parse as parseCookie } from 'cookie';
import type { CookieOptions, Response } from 'express';

function options(maxAgeSeconds: number, secure: boolean, httpOnly: boolean): CookieOptions {
  return { httpOnly, secure, sameSite: 'strict', path: '/', maxAge: maxAgeSeconds * 1000 };
}

/** The session token for the browser alone, and the CSRF value its pages echo in a header. */
export function setSessionCookies(
  response: Response,
  session: { accessToken: string; csrfToken: string; maxAgeSeconds: number },
  secure: boolean,
): void {
  response.cookie(SESSION_COOKIE, session.accessToken, options(session.maxAgeSeconds, secure, true));
  response.cookie(CSRF_COOKIE, session.csrfToken, options(session.maxAgeSeconds, secure, false));
}

export function clearSessionCookies(response: Response, secure: boolean): void {
  const { maxAge: _maxAge, ...clear } = options(0, secure, true);
  response.clearCookie(SESSION_COOKIE, clear);
  response.clearCookie(CSRF_COOKIE, { ...clear, httpOnly: false });
}

export function sessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookie(cookieHeader)[SESSION_COOKIE] || undefined;
}
