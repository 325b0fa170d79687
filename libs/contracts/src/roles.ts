import { z } from 'zod';

export const ROLES = [
  'admin',
  'dispatcher',
  'plant_operator',
  'site_dispatcher',
  'qc_inspector',
  'after_sales',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
