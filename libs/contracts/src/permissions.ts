import type { LoadStep } from '@pourline/domain';
import { PRODUCER_ROLES, type Role } from './roles';

/**
 * Everyone who talks about a pour while it is poured: the dispatch room, the
 * site and QC. The plant control room joins here once it has a role.
 */
const POUR_CONVERSATION = [
  'admin',
  'dispatcher',
  'plant_operator',
  'site_dispatcher',
  'qc_inspector',
] as const satisfies readonly Role[];

/**
 * The construction party and its supervising engineer follow their own
 * projects (the API scopes every list and the live feed to them) and read
 * what was planned, delivered and tested there.
 */
const CUSTOMER_SIDE = ['customer', 'supervisor'] as const satisfies readonly Role[];

/** Everyone who reads pours, projects and what happened to them: people of both sides, each in their scope. */
const READERS = [...PRODUCER_ROLES, ...CUSTOMER_SIDE] as const;

/** ...and the demo fleet, which reads what it plays through. */
const READERS_AND_SYSTEM = [...READERS, 'system'] as const;

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
  'master-data.read': READERS_AND_SYSTEM,
  'master-data.manage': ['admin'],
  'customers.read': ['admin', 'dispatcher', 'after_sales'],
  'projects.read': READERS,
  'pours.read': READERS_AND_SYSTEM,
  'pours.plan': ['admin', 'dispatcher'],
  // The construction party orders pours and agrees their plans (or asks for changes).
  'pours.order': ['customer'],
  'pours.plan-respond': ['customer'],
  'pours.change-status': ['admin', 'dispatcher', 'system'],
  'pours.override-document-gate': ['admin'],
  // A pour's log: read by anyone who follows the pour, written by those in its conversation, and
  // a message that would change the plan (the site's "last load") takes effect when dispatch confirms.
  'pours.log.read': [...POUR_CONVERSATION, 'after_sales'],
  'pours.log.write': POUR_CONVERSATION,
  'pours.log.confirm': ['admin', 'dispatcher'],
  'documents.read': READERS,
  'documents.manage': ['admin', 'qc_inspector'],
  // The construction party acknowledges receipt of a pre-pour report itself when it has an account.
  'documents.acknowledge': ['customer'],
  'audit.read': ['admin', 'dispatcher'],
  'loads.read': READERS_AND_SYSTEM,
  'loads.dispatch': ['admin', 'dispatcher', 'system'],
  // The plant's own steps: loading, batched to QC, departure, back at the plant, disposal.
  'loads.plant-step': ['admin', 'dispatcher', 'plant_operator', 'system'],
  'plants.queue': ['admin', 'dispatcher', 'plant_operator'],
  'loads.site-confirm': ['admin', 'dispatcher', 'site_dispatcher', 'system'],
  'loads.add-water': ['admin', 'site_dispatcher', 'qc_inspector'],
  // The site signs or refuses the delivery ticket: the site dispatcher's tablet, or the customer's phone.
  'tickets.sign': ['site_dispatcher', 'customer'],
  // A signed ticket is never changed; the dispatch room issues a corrected version that references it.
  'tickets.correct': ['admin', 'dispatcher'],
  'qc.read': READERS_AND_SYSTEM,
  // A QC decision is attributable to whoever made it: inspectors test at the plant and on site; a
  // site dispatcher may enter the on-site re-test from the tablet (never a plant test); the demo
  // fleet records the demo's tests under its own name.
  'qc.record': ['qc_inspector', 'site_dispatcher', 'system'],
  'qc.override': ['qc_inspector'],
  'specimens.manage': ['qc_inspector'],
  // The supervising engineer witnesses the making of specimens with a signature on the set.
  'specimens.witness': ['supervisor'],
  // Strength is what a structure is accepted on: QC judges it, after-sales answers for it, and the
  // plant's control room sees its own production control and the warnings about its concrete.
  'strength.read': ['admin', 'plant_operator', 'qc_inspector', 'after_sales'],
  // The inspection lots and their warnings, scoped to a project: the supervising engineer follows the
  // acceptance of their projects (plant-wide production control stays with the producer).
  'strength.lots.read': ['admin', 'plant_operator', 'qc_inspector', 'after_sales', 'supervisor'],
  // The supervising engineer defines lots where that role exists; until then the QC inspector does.
  'strength.lots.manage': ['qc_inspector'],
  'tracking.read': READERS_AND_SYSTEM,
  'tracking.devices': ['admin', 'dispatcher'],
  'pumps.status': ['admin', 'dispatcher', 'site_dispatcher'],
  'pours.request': ['admin', 'dispatcher', 'site_dispatcher'],
  'pours.request-acknowledge': ['admin', 'dispatcher'],
  'alerts.read': ['admin', 'dispatcher', 'plant_operator', 'qc_inspector', 'after_sales'],
  // After-sales acknowledges the overdue alerts of its own complaints (the service keeps it to those).
  'alerts.acknowledge': ['admin', 'dispatcher', 'after_sales'],
  // Complaints and suggestions: the customer raises them in the portal and follows their state, or
  // after-sales raises them on its behalf and works them to closure; the dispatch room sees them
  // beside its pours; the admin sets the service timers per category.
  'complaints.read': ['admin', 'dispatcher', 'after_sales', 'customer'],
  'complaints.raise': ['admin', 'after_sales', 'customer'],
  'complaints.work': ['admin', 'after_sales'],
  'complaints.settings': ['admin'],
  // Everything that happened to a pour in one pack, and the figures of production, quality and service.
  'evidence.read': ['admin', 'dispatcher', 'qc_inspector', 'after_sales'],
  'reports.read': ['admin', 'dispatcher', 'plant_operator', 'qc_inspector', 'after_sales'],
  // The planner's proposals and each plant's loading timeline: the dispatch room plans, the plant follows.
  'dispatch.read': ['admin', 'dispatcher', 'plant_operator'],
  // Accepting or overriding a proposal, the auto switch and the cold-joint limit are the dispatch room's.
  'dispatch.plan': ['admin', 'dispatcher'],
  // Which pours are on the auto switch: the demo fleet leaves their ordering to the system.
  'dispatch.auto-pours': ['admin', 'dispatcher', 'system'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The permission each load step's route is guarded with; the console offers a step only with it. */
export const LOAD_STEP_PERMISSION = {
  start_loading: 'loads.plant-step',
  send_to_qc: 'loads.plant-step',
  depart: 'loads.plant-step',
  arrive: 'loads.site-confirm',
  start_discharge: 'loads.site-confirm',
  end_discharge: 'loads.site-confirm',
  leave_site: 'loads.site-confirm',
  back_at_plant: 'loads.plant-step',
  dispose: 'loads.plant-step',
  cancel: 'loads.dispatch',
} as const satisfies Record<LoadStep, Permission>;

/** A plant operator acts only on loads batched at a plant they run; everyone else who may act, anywhere. */
export function canActAtPlant(user: { role: Role; plantIds: readonly string[] }, plantId: string): boolean {
  return user.role !== 'plant_operator' || user.plantIds.includes(plantId);
}
