import { assertNonNegative } from './input-guards';

/** One truck cycle: a delivery ticket from batching to back at the plant. */
export const LOAD_STATUSES = [
  'scheduled',
  'loading',
  'plant_qc',
  'held',
  'disposed',
  'released',
  'en_route',
  'on_site',
  'discharging',
  'discharged',
  'returning',
  'rejected',
  'returning_with_load',
  'back_at_plant',
  'cancelled',
] as const;
export type LoadStatus = (typeof LOAD_STATUSES)[number];

/**
 * A held load is adjusted and re-tested or disposed of, never sent. Diversion
 * to another pour puts an on-site load back on the road (on_site → en_route).
 * A released, en-route or on-site load may also be called back with its
 * concrete when its pour stops and no other pour can take it; that return
 * is not a rejection, which is why volumes rely on the `rejected` flag.
 */
const LOAD_TRANSITIONS: Readonly<Record<LoadStatus, readonly LoadStatus[]>> = {
  scheduled: ['loading', 'cancelled'],
  loading: ['plant_qc', 'cancelled'],
  plant_qc: ['released', 'held'],
  held: ['plant_qc', 'disposed'],
  disposed: [],
  released: ['en_route', 'returning_with_load'],
  en_route: ['on_site', 'returning_with_load'],
  on_site: ['discharging', 'rejected', 'en_route', 'returning_with_load'],
  discharging: ['discharged', 'rejected'],
  discharged: ['returning'],
  returning: ['back_at_plant'],
  rejected: ['returning_with_load'],
  returning_with_load: ['back_at_plant'],
  back_at_plant: [],
  cancelled: [],
};

/** The truck is free of a load waiting for it (scheduled) or ended with it (terminal, or back at the plant). */
const TRUCK_FREE_STATUSES: readonly LoadStatus[] = ['scheduled', 'disposed', 'back_at_plant', 'cancelled'];
/** The truck is out with this load (from loading to back at the plant); it can carry one at a time. */
export const TRUCK_BUSY_STATUSES: readonly LoadStatus[] = LOAD_STATUSES.filter(
  (status) => !TRUCK_FREE_STATUSES.includes(status),
);
/** The truck is promised to the load: assigned and waiting, or out with it. */
export const TRUCK_COMMITTED_STATUSES: readonly LoadStatus[] = ['scheduled', ...TRUCK_BUSY_STATUSES];
/** The plant's outbound work: loads not yet on the road. */
export const AT_PLANT_STATUSES: readonly LoadStatus[] = ['scheduled', 'loading', 'plant_qc', 'held', 'released'];
/** Loads the plant has not released yet: the pour may still get them. */
export const NOT_RELEASED_STATUSES: readonly LoadStatus[] = ['scheduled', 'loading', 'plant_qc', 'held'];

export const LOAD_IN_TRANSIT_STATUSES: readonly LoadStatus[] = ['released', 'en_route', 'on_site', 'discharging'];
/** Counted as delivered only when the load was not rejected. */
export const LOAD_DELIVERED_STATUSES: readonly LoadStatus[] = ['discharged', 'returning', 'back_at_plant'];
const DIVERTIBLE_STATUSES: readonly LoadStatus[] = ['released', 'en_route', 'on_site'];

export function isLoadStatus(value: unknown): value is LoadStatus {
  return (LOAD_STATUSES as readonly unknown[]).includes(value);
}

export function loadTransitionsFrom(from: LoadStatus): readonly LoadStatus[] {
  return LOAD_TRANSITIONS[from] ?? [];
}

export function canTransitionLoad(from: LoadStatus, to: LoadStatus): boolean {
  return loadTransitionsFrom(from).includes(to);
}

export function isLoadTerminal(status: LoadStatus): boolean {
  return loadTransitionsFrom(status).length === 0;
}

/** Concrete that has passed plant QC and not yet been poured can still serve another pour. */
export function canDivertLoad(status: LoadStatus): boolean {
  return DIVERTIBLE_STATUSES.includes(status);
}

/** A diverted load heads for its new site: released stays released, otherwise en route. */
export function statusAfterDiversion(status: LoadStatus): LoadStatus {
  if (!canDivertLoad(status)) throw new RangeError(`a ${status} load cannot be diverted`);
  return status === 'released' ? 'released' : 'en_route';
}

export interface LoadVolume {
  status: LoadStatus;
  volumeM3: number;
  /** Set once a site rejects the load; it stays set through the trip home. */
  rejected: boolean;
}

export interface PourVolumes {
  deliveredM3: number;
  inTransitM3: number;
  rejectedM3: number;
  /** Still to be sent: planned less what is poured or on its way, never below 0. */
  remainingM3: number;
}

export function pourVolumes(loads: readonly LoadVolume[], plannedVolumeM3: number): PourVolumes {
  assertNonNegative('plannedVolumeM3', plannedVolumeM3);
  let deliveredM3 = 0;
  let inTransitM3 = 0;
  let rejectedM3 = 0;
  for (const load of loads) {
    assertNonNegative('load volumeM3', load.volumeM3);
    if (load.rejected || load.status === 'rejected') rejectedM3 += load.volumeM3;
    else if (LOAD_DELIVERED_STATUSES.includes(load.status)) deliveredM3 += load.volumeM3;
    else if (LOAD_IN_TRANSIT_STATUSES.includes(load.status)) inTransitM3 += load.volumeM3;
  }
  const remainingM3 = Math.max(0, plannedVolumeM3 - deliveredM3 - inTransitM3);
  return { deliveredM3, inTransitM3, rejectedM3, remainingM3 };
}
