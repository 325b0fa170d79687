import type { Role } from './roles';

/**
 * What each role may do. The API guards every route with one of these and the
 * console uses the same table to show only the actions a person can take.
 *
 * `system` is the demo fleet: it plays the dispatch room, the QC inspectors and
 * the site crews of the demo day through the same routes, and nothing more (no
 * user management, overrides, documents or alerts).
 */
export const PERMISSIONS = {
  'users.manage': ['admin'],
  'master-data.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales', 'system'],
  'master-data.manage': ['admin'],
  'customers.read': ['admin', 'dispatcher', 'after_sales'],
  'projects.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'],
  'pours.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales', 'system'],
  'pours.plan': ['admin', 'dispatcher'],
  'pours.change-status': ['admin', 'dispatcher', 'system'],
  'pours.override-document-gate': ['admin'],
  'documents.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'],
  'documents.manage': ['admin', 'qc_inspector'],
  'audit.read': ['admin', 'dispatcher'],
  'loads.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales', 'system'],
  'loads.dispatch': ['admin', 'dispatcher', 'system'],
  'loads.site-confirm': ['admin', 'dispatcher', 'site_dispatcher', 'system'],
  'loads.add-water': ['admin', 'site_dispatcher', 'qc_inspector'],
  'qc.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales', 'system'],
  // A QC decision is attributable to whoever made it: inspectors test at the plant and on site; a
  // site dispatcher may enter the on-site re-test from the tablet (never a plant test); the demo
  // fleet records the demo's tests under its own name.
  'qc.record': ['qc_inspector', 'site_dispatcher', 'system'],
  'qc.override': ['qc_inspector'],
  'specimens.manage': ['qc_inspector'],
  'tracking.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales', 'system'],
  'tracking.devices': ['admin', 'dispatcher'],
  'pumps.status': ['admin', 'dispatcher', 'site_dispatcher'],
  'pours.request': ['admin', 'dispatcher', 'site_dispatcher'],
  'alerts.read': ['admin', 'dispatcher', 'qc_inspector', 'after_sales'],
  'alerts.acknowledge': ['admin', 'dispatcher'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
