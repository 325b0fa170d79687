import { z } from 'zod';
import type { Role } from './roles';

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
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
}
