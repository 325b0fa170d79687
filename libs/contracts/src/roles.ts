import { z } from 'zod';

/** The roles people have; each signs in with a username and password. */
export const PERSON_ROLES = [
  'admin',
  'dispatcher',
  'plant_operator',
  'site_dispatcher',
  'qc_inspector',
  'after_sales',
] as const;
export const PersonRole = z.enum(PERSON_ROLES);
export type PersonRole = z.infer<typeof PersonRole>;

/**
 * `system` is an account that is not a person, such as the demo fleet: it never
 * signs in with a password, its tokens are issued by the API, and every change
 * it makes is recorded under its own name.
 */
export const ROLES = [...PERSON_ROLES, 'system'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
