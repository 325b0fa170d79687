import { describe, expect, it } from '@jest/globals';
import { boxesOverlap, clusterTrucks, joinCoveredTrucks, type PlacedTruck, ringAround } from './truckClusters';

const at = (id: string, x: number, y: number): PlacedTruck => ({ id, wx: x + 1000, wy: y + 1000, x, y });

describe(clusterTrucks.name, () => {
  it('draws trucks queuing at one plant as one counted badge, and trucks apart as dots', () => {
    const queue = Array.from({ length: 11 }, (_, index) =>
      at(`T${String(index).padStart(2, '0')}`, 100 + (index % 3), 100),
    );
    const { singles, clusters } = clusterTrucks([...queue, at('R1', 400, 100), at('R2', 100, 400)], 16);
    expect(clusters).toHaveLength(1);
    expect(clusters[0].ids).toHaveLength(11);
    expect(clusters[0].key).toBe('T00');
    expect(singles.map((truck) => truck.id).sort()).toEqual(['R1', 'R2']);
  });

  it('finds neighbours across a grid line', () => {
    const { clusters } = clusterTrucks([at('A', 15, 15), at('B', 17, 17)], 16);
    expect(clusters).toEqual([expect.objectContaining({ key: 'A', ids: ['A', 'B'] })]);
  });

  it('forms the same clusters whatever order the trucks arrive in', () => {
    const trucks = [at('C', 0, 0), at('A', 10, 0), at('B', 20, 0), at('D', 30, 0)];
    const once = clusterTrucks(trucks, 12);
    const again = clusterTrucks([...trucks].reverse(), 12);
    expect(again).toEqual(once);
  });

  it('never hides the selected truck in a badge', () => {
    const { singles, clusters } = clusterTrucks([at('A', 0, 0), at('B', 1, 1), at('C', 2, 2)], 16, new Set(['B']));
    expect(singles.map((truck) => truck.id)).toEqual(['B']);
    expect(clusters[0].ids).toEqual(['A', 'C']);
  });
});

describe(joinCoveredTrucks.name, () => {
  it('takes a truck under a badge into it, and leaves one beside it or the selected one alone', () => {
    const clustered = clusterTrucks([at('A', 100, 100), at('B', 110, 100), at('C', 122, 100), at('D', 160, 100)], 12);
    expect(clustered.singles.map((truck) => truck.id)).toEqual(['C', 'D']);
    const { singles, clusters } = joinCoveredTrucks(clustered, () => 24);
    expect(clusters).toEqual([{ key: 'A', x: 105, y: 100, ids: ['A', 'B', 'C'] }]);
    expect(singles.map((truck) => truck.id)).toEqual(['D']);
    expect(joinCoveredTrucks(clustered, () => 24, new Set(['C'])).singles.map((truck) => truck.id)).toEqual(['C', 'D']);
  });
});

describe(ringAround.name, () => {
  it.each([3, 7, 11, 20])('opens a badge of %i into a ring whose labels on one side never share a row', (count) => {
    const ids = Array.from({ length: count }, (_, index) => `T${index}`);
    const ring = ringAround({ key: 'T0', x: 500, y: 500, ids }, 24);
    for (let a = 0; a < ring.length; a += 1) {
      for (let b = a + 1; b < ring.length; b += 1) {
        expect(Math.hypot(ring[a].x - ring[b].x, ring[a].y - ring[b].y)).toBeGreaterThanOrEqual(17);
        if (ring[a].labelSide === ring[b].labelSide) expect(Math.abs(ring[a].y - ring[b].y)).toBeGreaterThanOrEqual(17);
      }
    }
    expect(ring[0].labelSide).toBe('right');
    expect(ring[count - 1].labelSide).toBe('left');
  });
});

describe(boxesOverlap.name, () => {
  it('tells touching label boxes from overlapping ones', () => {
    const a = { x: 0, y: 0, right: 10, bottom: 10 };
    expect(boxesOverlap(a, { x: 5, y: 5, right: 15, bottom: 15 })).toBe(true);
    expect(boxesOverlap(a, { x: 10, y: 0, right: 20, bottom: 10 })).toBe(false);
  });
});
