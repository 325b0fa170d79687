import type { GeoPolygon, LatLng } from './geo';
import { distanceToFenceEdgeM, nextPresence, presenceChange, type PreviousFencePresence } from './geofence-presence';

const METERS_PER_DEG_LAT = 111_195;

// A plant yard about 950 m × 1,110 m; its south fence runs along 31° N.
const yard: GeoPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [121.0, 31.0],
      [121.01, 31.0],
      [121.01, 31.01],
      [121.0, 31.01],
      [121.0, 31.0],
    ],
  ],
};

/** A fix this many metres north of the south fence; negative is outside the yard. */
const northOfSouthFence = (meters: number): LatLng => ({ lat: 31.0 + meters / METERS_PER_DEG_LAT, lng: 121.005 });

/** Feeds fixes through the hysteresis the way the tracking service would. */
function replay(start: PreviousFencePresence, fixes: LatLng[], margins = {}) {
  let state = start;
  return fixes.map((fix) => {
    const next = nextPresence(state, fix, yard, margins);
    const change = presenceChange(state, next);
    state = next;
    return { next, change };
  });
}

describe(nextPresence.name, () => {
  it('places a truck with no history by plain containment', () => {
    expect(nextPresence('unknown', northOfSouthFence(10), yard)).toBe('inside');
    expect(nextPresence('unknown', northOfSouthFence(-10), yard)).toBe('outside');
    expect(nextPresence('unknown', northOfSouthFence(0), yard)).toBe('inside');
  });

  it('does not flap a truck inside when its fixes jitter 10 m either side of the fence', () => {
    const jitter = [-10, 10, -10, 10, -10].map(northOfSouthFence);
    const steps = replay('inside', jitter);
    expect(steps.map((step) => step.next)).toEqual(['inside', 'inside', 'inside', 'inside', 'inside']);
    expect(steps.every((step) => step.change === null)).toBe(true);
  });

  it('enters once and then holds through jitter for a truck arriving from outside', () => {
    const steps = replay('outside', [-100, -10, 10, -10, 10, -10].map(northOfSouthFence));
    expect(steps.map((step) => step.next)).toEqual(['outside', 'outside', 'inside', 'inside', 'inside', 'inside']);
    expect(steps.map((step) => step.change)).toEqual([null, null, 'entered', null, null, null]);
  });

  it('exits a truck 60 m outside the fence', () => {
    expect(replay('inside', [-10, -60].map(northOfSouthFence)).map((step) => step.change)).toEqual([null, 'exited']);
  });

  it('keeps a truck inside up to the exit margin and lets it go beyond', () => {
    expect(nextPresence('inside', northOfSouthFence(-39), yard)).toBe('inside');
    expect(nextPresence('inside', northOfSouthFence(-41), yard)).toBe('outside');
  });

  it('uses the given margins', () => {
    expect(nextPresence('inside', northOfSouthFence(-10), yard, { exitMarginM: 0 })).toBe('outside');
    expect(nextPresence('outside', northOfSouthFence(10), yard, { enterMarginM: 20 })).toBe('outside');
    expect(nextPresence('outside', northOfSouthFence(30), yard, { enterMarginM: 20 })).toBe('inside');
  });

  it('treats the edge of a hole as the fence', () => {
    const hole = [
      [121.004, 31.004],
      [121.006, 31.004],
      [121.006, 31.006],
      [121.004, 31.006],
      [121.004, 31.004],
    ] as GeoPolygon['coordinates'][number];
    const withHole: GeoPolygon = { type: 'Polygon', coordinates: [...yard.coordinates, hole] };
    const middleOfHole = { lat: 31.005, lng: 121.005 };
    expect(nextPresence('inside', middleOfHole, withHole)).toBe('outside');
    expect(nextPresence('inside', middleOfHole, withHole, { exitMarginM: 200 })).toBe('inside');
  });

  it.each<[string, () => unknown]>([
    ['an unknown previous state', () => nextPresence('nearby' as PreviousFencePresence, northOfSouthFence(5), yard)],
    ['a position out of range', () => nextPresence('inside', { lat: 95, lng: 121 }, yard)],
    [
      'an open fence',
      () => nextPresence('inside', northOfSouthFence(5), { ...yard, coordinates: [yard.coordinates[0].slice(0, 4)] }),
    ],
    ['a negative enter margin', () => nextPresence('outside', northOfSouthFence(5), yard, { enterMarginM: -1 })],
    ['a non-numeric exit margin', () => nextPresence('inside', northOfSouthFence(5), yard, { exitMarginM: NaN })],
  ])('refuses %s', (_, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe(presenceChange.name, () => {
  it.each([
    ['outside', 'inside', 'entered'],
    ['inside', 'outside', 'exited'],
    ['unknown', 'inside', 'entered'],
    ['unknown', 'outside', 'exited'],
    ['inside', 'inside', null],
    ['outside', 'outside', null],
  ] as const)('from %s to %s is %s', (previous, next, change) => {
    expect(presenceChange(previous, next)).toBe(change);
  });
});

describe(distanceToFenceEdgeM.name, () => {
  it('measures to the nearest side, inside or out', () => {
    expect(distanceToFenceEdgeM(northOfSouthFence(-25), yard)).toBeCloseTo(25, 0);
    expect(distanceToFenceEdgeM(northOfSouthFence(25), yard)).toBeCloseTo(25, 0);
  });

  it('finds the nearer east and west sides from the middle of the yard', () => {
    expect(distanceToFenceEdgeM({ lat: 31.005, lng: 121.005 }, yard)).toBeCloseTo(476.5, -1);
  });
});
