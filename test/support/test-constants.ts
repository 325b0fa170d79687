export const ADMIN_PASSWORD = 'e2e-admin-password';
export const ROLES = [
  'admin',
  'dispatcher',
  'plant_operator',
  'site_dispatcher',
  'qc_inspector',
  'after_sales',
  'customer',
  'supervisor',
] as const;
export type TestRole = (typeof ROLES)[number];
