import { z } from 'zod';

/** The producer's people: the dispatch room, the plants, the sites, QC, after-sales and the administrators. */
export const PRODUCER_ROLES = [
  'admin',
  'dispatcher',
  'plant_operator',
  'site_dispatcher',
  'qc_inspector',
  'after_sales',
] as const;

/** The roles people have; each signs in with a username and password. */
export const PERSON_ROLES = [
  ...PRODUCER_ROLES,
  // The construction party: sees the projects of the customer they belong to.
  'customer',
  // The supervising engineer: sees the projects assigned to them.
  'supervisor',
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

/** Roles that see only some projects: their own (customer) or those assigned to them; everyone else sees all. */
export const PROJECT_SCOPED_ROLES = ['site_dispatcher', 'customer', 'supervisor'] as const satisfies readonly Role[];

export function isProjectScoped(role: Role): boolean {
  return (PROJECT_SCOPED_ROLES as readonly Role[]).includes(role);
}
