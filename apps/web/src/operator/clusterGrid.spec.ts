import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ClusterGrid } from './clusterGrid';

interface Point {
  x: number;
  y: number;
  apart: boolean;
}

/** The rule, point by point with no grid: what the grid must reproduce. */
function naive(points: readonly Point[], reach: number): { singles: number[]; clusters: number[][] } {
  const taken = new Set<number>();
  const singles: number[] = [];
  const clusters: number[][] = [];
  points.forEach((seed, index) => {
    if (taken.has(index)) return;
    taken.add(index);
    if (seed.apart) {
      singles.push(index);
      return;
    }
    const members = [index];
    points.forEach((other, o) => {
      if (taken.has(o) || other.apart) return;
      if ((other.x - seed.x) ** 2 + (other.y - seed.y) ** 2 > reach * reach) return;
      taken.add(o);
      members.push(o);
    });
    if (members.length === 1) singles.push(index);
    else clusters.push(members);
  });
  return { singles, clusters };
}

function run(grid: ClusterGrid, points: readonly Point[], reach: number) {
  grid.run(
    points.length,
    Float64Array.from(points, (point) => point.x),
    Float64Array.from(points, (point) => point.y),
    Uint8Array.from(points, (point) => (point.apart ? 1 : 0)),
    reach,
  );
  const clusters: number[][] = [];
  for (let c = 0; c < grid.clusterCount; c += 1)
    clusters.push([...grid.members.subarray(grid.starts[c], grid.starts[c + 1])]);
  return { singles: [...grid.singles.subarray(0, grid.singleCount)], clusters };
}

const point = (maxPx: number) =>
  fc.record({
    x: fc.double({ min: -maxPx, max: maxPx, noNaN: true }),
    y: fc.double({ min: -maxPx, max: maxPx, noNaN: true }),
    apart: fc.integer({ min: 0, max: 9 }).map((value) => value === 0),
  });

describe(ClusterGrid.name, () => {
  it('forms exactly the clusters of the point-by-point rule, wherever the points lie', () => {
    const grid = new ClusterGrid();
    fc.assert(
      fc.property(
        fc.array(point(300), { maxLength: 200 }),
        fc.double({ min: 2, max: 40, noNaN: true }),
        (points, reach) => {
          expect(run(grid, points, reach)).toEqual(naive(points, reach));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a few trucks spread over a whole city to a small grid and still finds every neighbour', () => {
    const grid = new ClusterGrid();
    const points: Point[] = [
      { x: 0, y: 0, apart: false },
      { x: 1_000_000, y: 1_000_000, apart: false },
      { x: 1_000_010, y: 1_000_005, apart: false },
      { x: 3, y: 4, apart: false },
    ];
    expect(run(grid, points, 16)).toEqual({
      singles: [],
      clusters: [
        [0, 3],
        [1, 2],
      ],
    });
  });

  it('gives the same answer run after run on its reused buffers, bigger or smaller', () => {
    const grid = new ClusterGrid();
    const many = Array.from({ length: 5000 }, (_, index) => ({
      x: (index * 7919) % 1600,
      y: (index * 104_729) % 950,
      apart: index === 17,
    }));
    const first = run(grid, many, 17);
    run(grid, many.slice(0, 10), 17);
    expect(run(grid, many, 17)).toEqual(first);
    expect(first).toEqual(naive(many, 17));
    expect(first.singles).toContain(17);
  });
});

describe('ClusterGrid.joinCovered', () => {
  it('adds a point left single under a badge to that cluster, keeps the centre, and leaves apart points alone', () => {
    const grid = new ClusterGrid();
    // A and B cluster (reach 10); C is 14 px from their centre: single by reach, yet under a 20 px badge.
    const wx = new Float64Array([0, 8, 18, 100, 4]);
    const wy = new Float64Array([0, 0, 0, 0, 12]);
    const apart = new Uint8Array([0, 0, 0, 0, 1]);
    grid.run(5, wx, wy, apart, 10);
    expect(grid.clusterCount).toBe(1);
    expect(Array.from(grid.singles.subarray(0, grid.singleCount))).toEqual([2, 3, 4]);
    grid.joinCovered(wx, wy, apart, () => 20);
    expect(Array.from(grid.members.subarray(grid.starts[0], grid.starts[1]))).toEqual([0, 1, 2]);
    expect([grid.centreX[0], grid.centreY[0]]).toEqual([4, 0]);
    // D is far away; E sits under the badge too, but is the selected truck, kept apart.
    expect(Array.from(grid.singles.subarray(0, grid.singleCount))).toEqual([3, 4]);
  });

  it('joins each covered point to the same cluster as a check of every point against every badge', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 19 })),
          {
            minLength: 1,
            maxLength: 300,
          },
        ),
        fc.integer({ min: 4, max: 40 }),
        (points, reach) => {
          const count = points.length;
          const wx = new Float64Array(points.map(([x]) => x));
          const wy = new Float64Array(points.map(([, y]) => y));
          // About one point in twenty is kept apart (the selected truck).
          const apart = new Uint8Array(points.map(([, , draw]) => (draw === 0 ? 1 : 0)));
          const clearPx = (size: number) => reach + 4 + Math.min(20, size);
          const grid = new ClusterGrid();
          grid.run(count, wx, wy, apart, reach);
          // The check by hand: every single point against every cluster, in cluster order.
          const clusters = Array.from({ length: grid.clusterCount }, (_, c) => ({
            members: Array.from(grid.members.subarray(grid.starts[c], grid.starts[c + 1])),
            x: grid.centreX[c],
            y: grid.centreY[c],
          }));
          const singles: number[] = [];
          for (const point of grid.singles.subarray(0, grid.singleCount)) {
            const under = apart[point]
              ? undefined
              : clusters.find(
                  (cluster) =>
                    (wx[point] - cluster.x) ** 2 + (wy[point] - cluster.y) ** 2 < clearPx(cluster.members.length) ** 2,
                );
            if (under) under.members.push(point);
            else singles.push(point);
          }
          grid.joinCovered(wx, wy, apart, clearPx);
          expect(Array.from(grid.singles.subarray(0, grid.singleCount))).toEqual(singles);
          expect(clusters.map((_, c) => Array.from(grid.members.subarray(grid.starts[c], grid.starts[c + 1])))).toEqual(
            clusters.map((cluster) => cluster.members),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
