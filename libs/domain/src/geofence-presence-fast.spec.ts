import fc from 'fast-check';
import type { GeoPolygon } from './geo';
import { judgePresence, nextPresence, type PreviousFencePresence } from './geofence-presence';

// About 220 m × 220 m around a plant in Jiangning, with a hole (an office block) in it.
const FENCE: GeoPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [118.79, 31.9],
      [118.7923, 31.9],
      [118.7923, 31.902],
      [118.79, 31.902],
      [118.79, 31.9],
    ],
    [
      [118.7905, 31.9005],
      [118.7908, 31.9005],
      [118.7908, 31.9008],
      [118.7905, 31.9008],
      [118.7905, 31.9005],
    ],
  ],
};

describe('judgePresence', () => {
  it('keeps a truck well inside inside, and one far off outside', () => {
    expect(judgePresence('inside', { lat: 31.9015, lng: 118.7915 }, FENCE)).toBe('inside');
    expect(judgePresence('outside', { lat: 31.95, lng: 118.85 }, FENCE)).toBe('outside');
  });

  it('judges a truck inside the hole by its edge, as nextPresence does', () => {
    const inHole = { lat: 31.90065, lng: 118.79065 };
    expect(judgePresence('inside', inHole, FENCE)).toBe('inside');
    expect(judgePresence('outside', inHole, FENCE)).toBe('outside');
  });

  it('agrees with nextPresence for every stored presence, anywhere near the fence and with any margins', () => {
    const previous = fc.constantFrom<PreviousFencePresence>('inside', 'outside', 'unknown');
    fc.assert(
      fc.property(
        previous,
        fc.double({ min: 31.897, max: 31.905, noNaN: true }),
        fc.double({ min: 118.787, max: 118.7953, noNaN: true }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 80 }),
        (prior, lat, lng, enterMarginM, exitMarginM) => {
          const margins = { enterMarginM, exitMarginM };
          expect(judgePresence(prior, { lat, lng }, FENCE, margins)).toBe(
            nextPresence(prior, { lat, lng }, FENCE, margins),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
