export const ADMIN_PASSWORD = 'e2e-admin-password';
/** The secret the shared test server signs its tokens with. */
export const E2E_JWT_SECRET = 'e2e-secret-that-is-long-enough-for-hs256';
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

/** The test plants keep Shanghai time, and the console's days follow the plants' calendar. */
export const PLANT_TIME_ZONE = 'Asia/Shanghai';
