import type { GeoPolygon } from './geo';
import { mergeTrips, type TrackFix, tripFromTrack } from './position-trips';
import { learnedTravelTime } from './travel-times';

const square = (lat: number, lng: number, half = 0.001): GeoPolygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng - half, lat - half],
      [lng + half, lat - half],
      [lng + half, lat + half],
      [lng - half, lat + half],
      [lng - half, lat - half],
    ],
  ],
});
const plant = square(31.9, 118.8);
const site = square(31.95, 118.85);
const t0 = new Date('2026-11-30T01:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const fix = (minutes: number, lat: number, lng: number): TrackFix => ({ fixTime: at(minutes), lat, lng });
const IN_PLANT = [31.9, 118.8] as const;
const ON_ROAD = [31.92, 118.82] as const;
const AT_SITE = [31.95, 118.85] as const;

describe(tripFromTrack.name, () => {
  it('runs from the first fix outside the plant to the first inside the site', () => {
    const track = [
      fix(0, ...IN_PLANT),
      fix(5, ...IN_PLANT),
      fix(6, ...ON_ROAD),
      fix(20, ...ON_ROAD),
      fix(27, ...AT_SITE),
    ];
    expect(tripFromTrack(track, plant, site)).toEqual({ departedAt: at(6), arrivedAt: at(27) });
  });

  it('reads the fixes in time order, however they were stored', () => {
    const track = [fix(27, ...AT_SITE), fix(6, ...ON_ROAD), fix(0, ...IN_PLANT)];
    expect(tripFromTrack(track, plant, site)).toEqual({ departedAt: at(6), arrivedAt: at(27) });
  });

  it('starts again when the truck goes back into the plant', () => {
    const track = [
      fix(0, ...IN_PLANT),
      fix(4, ...ON_ROAD),
      fix(8, ...IN_PLANT),
      fix(12, ...ON_ROAD),
      fix(30, ...AT_SITE),
    ];
    expect(tripFromTrack(track, plant, site)).toEqual({ departedAt: at(12), arrivedAt: at(30) });
  });

  it('does not count a fix jittering just past the plant fence as leaving', () => {
    // 20 m north of the fence: within the 40 m exit margin, still in the yard.
    const jitter = [31.9 + 0.001 + 20 / 111_195, 118.8] as const;
    const track = [fix(0, ...IN_PLANT), fix(3, ...jitter), fix(9, ...ON_ROAD), fix(31, ...AT_SITE)];
    expect(tripFromTrack(track, plant, site)).toEqual({ departedAt: at(9), arrivedAt: at(31) });
  });

  it('says nothing without the truck seen in the plant, or at the site', () => {
    expect(tripFromTrack([fix(6, ...ON_ROAD), fix(27, ...AT_SITE)], plant, site)).toBeNull();
    expect(tripFromTrack([fix(0, ...IN_PLANT), fix(6, ...ON_ROAD)], plant, site)).toBeNull();
    expect(tripFromTrack([], plant, site)).toBeNull();
  });
});

describe(mergeTrips.name, () => {
  const trip = (loadId: string, departed: number, arrived: number) => ({
    loadId,
    departedAt: at(departed),
    arrivedAt: at(arrived),
    departureHour: 9,
  });

  it('takes a load’s trip from its positions over its recorded steps, and keeps the others', () => {
    const merged = mergeTrips([trip('a', 0, 40), trip('b', 60, 80)], [trip('a', 2, 27), trip('c', 90, 115)]);
    expect(merged).toEqual([
      { departedAt: at(2), arrivedAt: at(27), departureHour: 9, source: 'positions' },
      { departedAt: at(60), arrivedAt: at(80), departureHour: 9, source: 'load_steps' },
      { departedAt: at(90), arrivedAt: at(115), departureHour: 9, source: 'positions' },
    ]);
  });

  it('lets the learned time say how many of its trips the positions measured', () => {
    const merged = mergeTrips(
      [trip('a', 0, 40), trip('b', 60, 80), trip('c', 90, 110)],
      [trip('a', 2, 27), trip('c', 91, 116)],
    );
    expect(learnedTravelTime({ trips: merged, hour: 9, routeLengthM: 10_000, typicalSpeedKmh: 30 })).toEqual({
      minutes: 25,
      basis: 'same_hour',
      trips: 3,
      fromPositions: 2,
    });
  });
});
