import type { Role } from './roles';

/**
 * What each role may do. The API guards every route with one of these and the
 * console uses the same table to show only the actions a person can take.
 */
export const PERMISSIONS = {
  'users.manage': ['admin'],
  'master-data.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'],
  'master-data.manage': ['admin'],
  'customers.read': ['admin', 'dispatcher', 'after_sales'],
  'projects.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'],
  'pours.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'],
  'pours.plan': ['admin', 'dispatcher'],
  'pours.change-status': ['admin', 'dispatcher'],
  'pours.override-document-gate': ['admin'],
  'documents.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'],
  'documents.manage': ['admin', 'qc_inspector'],
  'audit.read': ['admin', 'dispatcher'],
  'loads.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'],
  'loads.dispatch': ['admin', 'dispatcher'],
  'loads.site-confirm': ['admin', 'dispatcher', 'site_dispatcher'],
  'loads.add-water': ['admin', 'site_dispatcher', 'qc_inspector'],
  'qc.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'],
  // A QC decision is attributable to the person who made it: inspectors test at the plant and on
  // site; a site dispatcher may enter the on-site re-test from the tablet (never a plant test).
  'qc.record': ['qc_inspector', 'site_dispatcher'],
  'qc.override': ['qc_inspector'],
  'specimens.manage': ['qc_inspector'],
  // Strength is what a structure is accepted on: QC judges it, after-sales answers for it.
  'strength.read': ['admin', 'qc_inspector', 'after_sales'],
  // The supervising engineer defines lots where that role exists; until then the QC inspector does.
  'strength.lots.manage': ['qc_inspector'],
  'tracking.read': ['admin', 'dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'],
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
