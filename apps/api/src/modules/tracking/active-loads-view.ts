import type { LineString, Polygon } from '@pourline/contracts';
import { type LoadStatus, TRUCK_BUSY_STATUSES } from '@pourline/domain';

export interface ActiveLoad {
  loadId: string;
  truckId: string;
  status: LoadStatus;
  pourId: string;
  projectId: string;
  plantId: string;
  plantFence: Polygon;
  siteFence: Polygon;
  entryRoute: LineString;
  /** The fences and the route as the database fingerprints them: equal keys, equal shapes. */
  shapeKey: string;
}

/** What a reconcile reads of every active load: enough to tell whether the view has it right. */
export type ActiveLoadKey = Omit<ActiveLoad, 'plantFence' | 'siteFence' | 'entryRoute'>;

/** What a change notice names: the row that changed. */
export type ChangedKind = 'load' | 'pour' | 'project' | 'plant';
export const KEY_OF: Record<ChangedKind, 'loadId' | 'pourId' | 'projectId' | 'plantId'> = {
  load: 'loadId',
  pour: 'pourId',
  project: 'projectId',
  plant: 'plantId',
};

/** A load as it stands after a step: enough to tell whether its truck is still on it. */
export interface LoadStep {
  id: string;
  truckId: string | null;
  status: LoadStatus;
  pourId: string;
  plantId: string;
}

const BUSY = new Set<LoadStatus>(TRUCK_BUSY_STATUSES);

/**
 * Which load each truck is on, in memory. Changes are applied one load (or one
 * fence's loads) at a time; a reconcile compares every load's key with a fresh
 * read and has the ones it got wrong read again.
 */
export class ActiveLoadsView {
  private readonly byTruck = new Map<string, ActiveLoad>();
  private readonly truckOfLoad = new Map<string, string>();

  get size(): number {
    return this.byTruck.size;
  }

  forTruck(truckId: string): ActiveLoad | undefined {
    return this.byTruck.get(truckId);
  }

  all(): ActiveLoad[] {
    return [...this.byTruck.values()];
  }

  /**
   * A step of a load known here: its status is changed in place, or the load
   * is dropped once its truck is free. False when the step needs the load's
   * fences read (a load not known here, or one moved to another truck, pour or plant).
   */
  applyStep(step: LoadStep): boolean {
    const truckId = this.truckOfLoad.get(step.id);
    const known = truckId === undefined ? undefined : this.byTruck.get(truckId);
    if (step.truckId === null || !BUSY.has(step.status)) {
      if (known) this.remove(known);
      return true;
    }
    if (!known || known.truckId !== step.truckId || known.pourId !== step.pourId || known.plantId !== step.plantId) {
      return false;
    }
    if (known.status !== step.status) this.byTruck.set(known.truckId, { ...known, status: step.status });
    return true;
  }

  /** Replaces the loads these rows of one kind touched (`ids`) with what was read of them (`rows`). */
  replace(kind: ChangedKind, ids: ReadonlySet<string>, rows: readonly ActiveLoad[]): void {
    if (kind === 'load') {
      for (const loadId of ids) {
        const truckId = this.truckOfLoad.get(loadId);
        const known = truckId === undefined ? undefined : this.byTruck.get(truckId);
        if (known) this.remove(known);
      }
    } else {
      const key = KEY_OF[kind];
      for (const load of [...this.byTruck.values()]) if (ids.has(load[key])) this.remove(load);
    }
    for (const row of rows) this.put(row);
  }

  /** Makes the view what was read whole (every active load, shapes and all); returns how many loads it had wrong. */
  reconcile(rows: readonly ActiveLoad[]): number {
    const { stale, dropped } = this.dropGoneAndFindStale(rows);
    for (const row of rows) if (stale.has(row.loadId)) this.put(row);
    return stale.size + dropped;
  }

  /**
   * The first half of a reconcile, from the keys of every active load: drops
   * the loads that are no longer active and returns how many, with the ids of
   * those missing or different here, to be read whole and `replace`d. Comparing
   * keys rather than shapes keeps a reconcile of thousands of loads short.
   */
  dropGoneAndFindStale(keys: readonly ActiveLoadKey[]): { stale: Set<string>; dropped: number } {
    const stale = new Set<string>();
    const seen = new Set<string>();
    for (const key of keys) {
      seen.add(key.loadId);
      const known = this.byTruck.get(key.truckId);
      if (!known || !sameLoad(known, key)) stale.add(key.loadId);
    }
    let dropped = 0;
    for (const load of [...this.byTruck.values()]) {
      if (!seen.has(load.loadId)) {
        dropped += 1;
        this.remove(load);
      }
    }
    return { stale, dropped };
  }

  private put(row: ActiveLoad): void {
    const before = this.truckOfLoad.get(row.loadId);
    const previous = before === undefined ? undefined : this.byTruck.get(before);
    if (previous) this.remove(previous);
    // One busy load per truck: a newer row for the truck replaces the one it had.
    const other = this.byTruck.get(row.truckId);
    if (other) this.remove(other);
    this.byTruck.set(row.truckId, row);
    this.truckOfLoad.set(row.loadId, row.truckId);
  }

  private remove(load: ActiveLoad): void {
    if (this.byTruck.get(load.truckId)?.loadId === load.loadId) this.byTruck.delete(load.truckId);
    if (this.truckOfLoad.get(load.loadId) === load.truckId) this.truckOfLoad.delete(load.loadId);
  }
}

function sameLoad(a: ActiveLoadKey, b: ActiveLoadKey): boolean {
  return (
    a.loadId === b.loadId &&
    a.status === b.status &&
    a.pourId === b.pourId &&
    a.projectId === b.projectId &&
    a.plantId === b.plantId &&
    a.shapeKey === b.shapeKey
  );
}
