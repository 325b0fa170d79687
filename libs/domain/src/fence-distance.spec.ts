import { distanceOutsideFenceMeters } from './fence-distance';
import { EARTH_RADIUS_METERS, type GeoPolygon, haversineMeters, type LatLng, type LngLatPosition } from './geo';

const centre: LatLng = { lat: 31.95, lng: 118.85 };
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** `eastM` east and `northM` north of `origin`, on the same sphere the rule measures on. */
function offset(origin: LatLng, eastM: number, northM: number): LatLng {
  const lat = origin.lat + toDegrees(northM / EARTH_RADIUS_METERS);
  return { lat, lng: origin.lng + toDegrees(eastM / (EARTH_RADIUS_METERS * Math.cos((lat * Math.PI) / 180))) };
}

const position = (point: LatLng): LngLatPosition => [point.lng, point.lat];

/** A ring of corners given in metres from `centre`, closed. */
function ring(corners: [number, number][]): LngLatPosition[] {
  const points = corners.map(([east, north]) => position(offset(centre, east, north)));
  return [...points, points[0]];
}

// 200 m wide (east–west), 100 m tall; its north edge runs 50 m north of the centre.
const fence: GeoPolygon = {
  type: 'Polygon',
  coordinates: [
    ring([
      [-100, -50],
      [100, -50],
      [100, 50],
      [-100, 50],
    ]),
  ],
};

describe(distanceOutsideFenceMeters.name, () => {
  it.each([
    ['the centre', 0, 0],
    ['a point just inside the north edge', 0, 49.9],
    ['a point just inside the east edge', 99.9, 0],
  ])('is 0 for %s', (_case, east, north) => {
    expect(distanceOutsideFenceMeters(offset(centre, east, north), fence)).toBe(0);
  });

  it('is 0 on a corner of the fence: on the line counts as inside', () => {
    const [lng, lat] = fence.coordinates[0][2];
    expect(distanceOutsideFenceMeters({ lat, lng }, fence)).toBe(0);
  });

  it.each([
    ['north of the north edge', 0, 50 + 1, 1],
    ['north of the north edge', 30, 50 + 149.9, 149.9],
    ['north of the north edge', -60, 50 + 150.1, 150.1],
    ['south of the south edge', 10, -50 - 300, 300],
    ['east of the east edge', 100 + 150, 20, 150],
    ['west of the west edge', -100 - 1000, 0, 1000],
  ])('measures a point %s to the edge square on (%d m east, %d m north)', (_case, east, north, expected) => {
    const point = offset(centre, east, north);
    expect(distanceOutsideFenceMeters(point, fence)).toBeCloseTo(expected, 1);
  });

  it('measures a point off a corner to the corner itself', () => {
    const point = offset(centre, 100 + 30, 50 + 40);
    expect(distanceOutsideFenceMeters(point, fence)).toBeCloseTo(50, 1);
  });

  it('agrees with the great-circle distance to the nearest point of the edge', () => {
    const point = offset(centre, 0, 50 + 400);
    const edge = offset(centre, 0, 50);
    expect(distanceOutsideFenceMeters(point, fence)).toBeCloseTo(haversineMeters(point, edge), 2);
  });

  it('measures a point in a hole of the fence to the hole’s edge', () => {
    const withHole: GeoPolygon = {
      type: 'Polygon',
      coordinates: [
        fence.coordinates[0],
        ring([
          [-20, -20],
          [-20, 20],
          [20, 20],
          [20, -20],
        ]),
      ],
    };
    expect(distanceOutsideFenceMeters(offset(centre, 5, 0), withHole)).toBeCloseTo(15, 1);
  });
});
