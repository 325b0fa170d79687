import type { PresenceChange } from './geofence-presence';
import { isLoadStatus, type LoadStatus } from './load-status';

export type FenceKind = 'plant' | 'site';

type Crossing = `${FenceKind}:${PresenceChange}`;

/**
 * Only the moves a fence can witness on its own. Arrival at the site is
 * automatic, but discharge start and end are not: a truck inside the site
 * fence may still be waiting, so people confirm those. Leaving the site with
 * the load still in the drum is told apart by the `rejected` status.
 */
const MOVES: Readonly<Record<Crossing, Partial<Record<LoadStatus, LoadStatus>>>> = {
  'plant:exited': { released: 'en_route' },
  'site:entered': { en_route: 'on_site' },
  'site:exited': { discharged: 'returning', rejected: 'returning_with_load' },
  'plant:entered': { returning: 'back_at_plant', returning_with_load: 'back_at_plant' },
};

/** The status a fence crossing moves a load to, or null when the crossing means nothing for it. */
export function geofenceTransition(status: LoadStatus, fence: FenceKind, change: PresenceChange): LoadStatus | null {
  if (!isLoadStatus(status)) throw new RangeError(`unknown load status ${String(status)}`);
  if (fence !== 'plant' && fence !== 'site') throw new RangeError(`fence must be plant or site, got ${String(fence)}`);
  if (change !== 'entered' && change !== 'exited') {
    throw new RangeError(`change must be entered or exited, got ${String(change)}`);
  }
  return MOVES[`${fence}:${change}`][status] ?? null;
}
