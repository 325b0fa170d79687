import type { Polygon } from '@pourline/contracts';
import { type ActiveLoad, type ActiveLoadKey, ActiveLoadsView } from './active-loads-view';

const fence = (lat: number, lng: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + 0.002, lat],
      [lng + 0.002, lat + 0.002],
      [lng, lat],
    ],
  ],
});

function load(index: number, overrides: Partial<Omit<ActiveLoad, 'shapeKey'>> = {}): ActiveLoad {
  const shaped = {
    loadId: `load-${index}`,
    truckId: `truck-${index}`,
    status: 'released' as const,
    pourId: `pour-${index % 2}`,
    projectId: `project-${index % 2}`,
    plantId: 'plant-1',
    plantFence: fence(31.9, 118.8),
    siteFence: fence(31.95, 118.85 + (index % 2) / 100),
    entryRoute: { type: 'LineString' as const, coordinates: [] },
    ...overrides,
  };
  // As the database fingerprints them: another shape, another key.
  return { ...shaped, shapeKey: JSON.stringify([shaped.plantFence, shaped.siteFence, shaped.entryRoute]) };
}

function keyOf({ plantFence: _plant, siteFence: _site, entryRoute: _route, ...key }: ActiveLoad): ActiveLoadKey {
  return key;
}

/** A whole reconcile as the service runs it: keys first, then the stale loads read whole. */
function reconcile(view: ActiveLoadsView, truth: readonly ActiveLoad[]): number {
  const { stale, dropped } = view.dropGoneAndFindStale(truth.map(keyOf));
  view.replace(
    'load',
    stale,
    truth.filter((item) => stale.has(item.loadId)),
  );
  return stale.size + dropped;
}

function viewOf(loads: ActiveLoad[]): ActiveLoadsView {
  const view = new ActiveLoadsView();
  view.reconcile(loads);
  return view;
}

describe('the in-memory view of active loads', () => {
  const fleet = Array.from({ length: 6 }, (_, index) => load(index));

  it('applies a crossing’s step to its own load only, leaving every other entry as it was', () => {
    const view = viewOf(fleet);
    const before = fleet.map((item) => view.forTruck(item.truckId));
    const step = {
      id: 'load-2',
      truckId: 'truck-2',
      status: 'en_route' as const,
      pourId: 'pour-0',
      plantId: 'plant-1',
    };
    expect(view.applyStep(step)).toBe(true);
    expect(view.forTruck('truck-2')).toEqual({ ...fleet[2], status: 'en_route' });
    fleet.forEach((item, index) => {
      if (index !== 2) expect(view.forTruck(item.truckId)).toBe(before[index]);
    });
    expect(view.size).toBe(6);
  });

  it('drops a load once its truck is free, and nothing else', () => {
    const view = viewOf(fleet);
    const step = {
      id: 'load-4',
      truckId: 'truck-4',
      status: 'back_at_plant' as const,
      pourId: 'pour-0',
      plantId: 'plant-1',
    };
    expect(view.applyStep(step)).toBe(true);
    expect(view.forTruck('truck-4')).toBeUndefined();
    expect(view.all().map((item) => item.loadId)).toEqual(['load-0', 'load-1', 'load-2', 'load-3', 'load-5']);
  });

  it('asks for a read when the step is of a load it does not know, or one moved to another truck', () => {
    const view = viewOf(fleet);
    const unknown = {
      id: 'load-9',
      truckId: 'truck-9',
      status: 'loading' as const,
      pourId: 'pour-0',
      plantId: 'plant-1',
    };
    expect(view.applyStep(unknown)).toBe(false);
    const moved = {
      id: 'load-1',
      truckId: 'truck-7',
      status: 'loading' as const,
      pourId: 'pour-1',
      plantId: 'plant-1',
    };
    expect(view.applyStep(moved)).toBe(false);
    expect(view.forTruck('truck-1')).toBe(fleet[1]);
  });

  it('replaces just the loads a read of changed rows names', () => {
    const view = viewOf(fleet);
    const others = fleet.filter((item) => item.pourId !== 'pour-1').map((item) => view.forTruck(item.truckId));
    // The site fence of the project of pour-1 is redrawn; load-5 of that pour was finished meanwhile.
    const redrawn = [1, 3].map((index) => load(index, { siteFence: fence(32, 119) }));
    view.replace('project', new Set(['project-1']), redrawn);
    expect(view.forTruck('truck-1')?.siteFence).toEqual(fence(32, 119));
    expect(view.forTruck('truck-3')?.siteFence).toEqual(fence(32, 119));
    expect(view.forTruck('truck-5')).toBeUndefined();
    expect(fleet.filter((item) => item.pourId !== 'pour-1').map((item) => view.forTruck(item.truckId))).toEqual(others);
    // A load read again by its id moves to its new truck.
    view.replace('load', new Set(['load-0']), [load(0, { truckId: 'truck-8' })]);
    expect(view.forTruck('truck-0')).toBeUndefined();
    expect(view.forTruck('truck-8')?.loadId).toBe('load-0');
  });

  it('has a reconcile correct a change whose notice was lost, counting what it corrected', () => {
    const view = viewOf(fleet);
    expect(reconcile(view, fleet)).toBe(0);
    // Meanwhile, unannounced: load-3 stepped on, load-5 finished, a new load-6 started.
    const truth = [...fleet.slice(0, 3), load(3, { status: 'on_site' }), fleet[4], load(6)];
    expect(reconcile(view, truth)).toBe(3);
    expect(view.forTruck('truck-3')?.status).toBe('on_site');
    expect(view.forTruck('truck-5')).toBeUndefined();
    expect(view.forTruck('truck-6')?.loadId).toBe('load-6');
    expect(view.all()).toHaveLength(6);
    expect(reconcile(view, truth)).toBe(0);
  });

  it('has a reconcile find a redrawn fence by its key alone, and ask for just that load to be read', () => {
    const view = viewOf(fleet);
    const redrawn = load(2, { plantFence: fence(31.8, 118.7) });
    const truth = fleet.map((item) => (item.loadId === 'load-2' ? redrawn : item));
    const { stale, dropped } = view.dropGoneAndFindStale(truth.map(keyOf));
    expect([...stale]).toEqual(['load-2']);
    expect(dropped).toBe(0);
    view.replace('load', stale, [redrawn]);
    expect(view.forTruck('truck-2')?.plantFence).toEqual(fence(31.8, 118.7));
    expect(reconcile(view, truth)).toBe(0);
  });
});
