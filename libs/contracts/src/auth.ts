import { z } from 'zod';
import type { Role } from './roles';

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
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
}

/** What GET /api/config answers before anyone signs in. */
export interface ClientConfigDto {
  mapTileUrl: string;
  mapTileAttribution: string;
  demo: boolean;
}
