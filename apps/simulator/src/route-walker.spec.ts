import { distanceM } from './geo';
import { RouteWalker } from './route-walker';
import { pathAhead } from './truck-agent';

const a = { lat: 31.9, lng: 118.8 };
const b = { lat: 31.91, lng: 118.8 }; // about 1.1 km north
const c = { lat: 31.91, lng: 118.81 }; // then about 0.95 km east

describe(RouteWalker.name, () => {
  const walker = new RouteWalker([a, b, c]);

  it('measures the path leg by leg', () => {
    expect(walker.lengthM).toBeCloseTo(distanceM(a, b) + distanceM(b, c), 3);
  });

  it('finds the point part way along a leg, facing along it', () => {
    const half = walker.at(distanceM(a, b) / 2);
    expect(half.lat).toBeCloseTo(31.905, 5);
    expect(half.lng).toBeCloseTo(118.8, 6);
    expect(half.bearingDeg).toBeCloseTo(0, 0);
    expect(walker.at(distanceM(a, b) + 10).bearingDeg).toBeGreaterThan(89);
  });

  it('stays at the ends when asked beyond them', () => {
    expect(walker.at(-5)).toMatchObject(a);
    expect(walker.at(walker.lengthM + 100)).toMatchObject(c);
  });

  it('treats a single position as a path of length zero', () => {
    const still = new RouteWalker([a, a]);
    expect(still.lengthM).toBe(0);
    expect(still.at(10)).toMatchObject(a);
  });
});

describe(pathAhead.name, () => {
  it('carries on from the next position once past the nearest one', () => {
    const between = { lat: 31.9075, lng: 118.8 };
    expect(pathAhead([a, b, c], between)).toEqual([b, c]);
  });

  it('goes back to the nearest position when not yet past it', () => {
    const nearA = { lat: 31.9001, lng: 118.8 };
    expect(pathAhead([a, b, c], nearA)).toEqual([b, c]);
    const justBeforeA = { lat: 31.8999, lng: 118.8 };
    expect(pathAhead([a, b, c], justBeforeA)).toEqual([a, b, c]);
  });
});
