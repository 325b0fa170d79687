import { z } from 'zod';
import { plainText, secretText } from './common';
import type { Role } from './roles';

export const LoginRequest = z.strictObject({
  username: plainText(64),
  password: secretText(1, 200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export interface LoginResponse {
  accessToken: string;
}

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
