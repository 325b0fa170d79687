import type { LoadDto, PourDto, TruckDto } from '@pourline/contracts';
import { canDivertLoad } from '@pourline/domain';
import { currentLoadByTruck } from './truckStyles';

/** Loads that no longer count against the plan: they will never pour (the API's own rule). */
const NOT_ORDERED: ReadonlySet<LoadDto['status']> = new Set(['disposed', 'cancelled']);
const ROUNDING = 100;
const round = (value: number) => Math.round(value * ROUNDING) / ROUNDING;

/** Planned minus everything ordered that has not failed: what new loads may still take without an over-order. */
export function unorderedM3(plannedM3: number, loads: readonly LoadDto[]): number {
  const orderedM3 = loads
    .filter((load) => !load.rejected && !NOT_ORDERED.has(load.status))
    .reduce((sum, load) => sum + load.volumeM3, 0);
  return round(Math.max(0, plannedM3 - orderedM3));
}

/** A full drum, or what is left when that is less; a full drum when nothing is left (an over-order). */
export function defaultLoadVolume(capacityM3: number, unordered: number): number {
  return round(unordered > 0 ? Math.min(capacityM3, unordered) : capacityM3);
}

export function needsOverOrderReason(volumeM3: number, unordered: number): boolean {
  return volumeM3 > unordered + 1e-9;
}

export interface TruckChoice {
  truck: TruckDto;
  /** The unfinished load the truck is on, if any, other than the one being assigned. */
  busyWith: LoadDto | null;
}

/**
 * The active trucks of the pour's plant, free ones first, each marked with
 * the load it is already on. `forLoadId` is the load being assigned: a truck
 * already on it is not busy elsewhere.
 */
export function truckChoices(
  trucks: readonly TruckDto[],
  plantId: string,
  loads: ReadonlyMap<string, LoadDto>,
  forLoadId: string | null = null,
): TruckChoice[] {
  const current = currentLoadByTruck(loads);
  return trucks
    .filter((truck) => truck.active && truck.homePlantId === plantId)
    .map((truck) => {
      const load = current.get(truck.id);
      return { truck, busyWith: load && load.id !== forLoadId ? load : null };
    })
    .sort(
      (a, b) =>
        Number(a.busyWith !== null) - Number(b.busyWith !== null) ||
        a.truck.fleetNumber.localeCompare(b.truck.fleetNumber, undefined, { numeric: true }),
    );
}

/** Today's other pours that can take this load now: ready or in progress, on the same mix. */
export function divertTargets(pours: readonly PourDto[], load: LoadDto): PourDto[] {
  return pours.filter(
    (pour) =>
      pour.id !== load.pourId &&
      (pour.status === 'ready' || pour.status === 'in_progress') &&
      pour.mixId === load.mixId,
  );
}

export type LoadAction = 'assign_truck' | 'start_loading';

/** The next step the dispatch room takes for a load at the plant, if any. */
export function nextLoadAction(load: LoadDto): LoadAction | null {
  if (load.status !== 'scheduled') return null;
  return load.truckId ? 'start_loading' : 'assign_truck';
}

export const canDivert = (load: LoadDto) => canDivertLoad(load.status) && !load.rejected;

/** A pour still taking new loads: the API refuses others with words, but the button need not be offered. */
export const takesNewLoads = (pour: PourDto) =>
  pour.status === 'confirmed' || pour.status === 'ready' || pour.status === 'in_progress';
