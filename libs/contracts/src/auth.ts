import { z } from 'zod';
import { plainText, secretText } from './common';
import type { Role } from './roles';

export const LoginRequest = z.strictObject({
  username: plainText(64),
  password: secretText(1, 200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** POST /auth/login: a bearer token, for programs that call the API. */
export interface LoginResponse {
  accessToken: string;
}

/**
 * POST /auth/session: the console's sign-in. The token travels in an httpOnly
 * cookie script cannot read; every request that changes something echoes the
 * readable CSRF cookie in the CSRF header, which another site cannot do.
 */
export interface SessionResponse {
  user: CurrentUser;
}
export const SESSION_COOKIE = 'pourline_session';
export const CSRF_COOKIE = 'pourline_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  projectIds: string[];
  /** The plants a plant operator runs the control room of; empty for other roles. */
  plantIds: string[];
  /** The customer a `customer` account belongs to; null for other roles. */
  customerId: string | null;
}

/** What GET /api/config answers before anyone signs in. */
export interface ClientConfigDto {
  mapTileUrl: string;
  mapTileAttribution: string;
  demo: boolean;
  /**
   * The plants' zone (the one most plants keep): the console's days and clocks follow it whatever
   * zone the browser is in. Null while there is no plant; the console then reads the browser's.
   */
  timeZone: string | null;
}
