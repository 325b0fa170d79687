import type { LatLng, LineString } from '@pourline/contracts';

const EARTH_RADIUS_M = 6_371_008.8;
const METERS_PER_DEGREE_LAT = 111_320;
const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (radians: number) => (radians * 180) / Math.PI;

export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial bearing from `a` to `b`, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: LatLng, b: LatLng): number {
  const y = Math.sin(rad(b.lng - a.lng)) * Math.cos(rad(b.lat));
  const x =
    Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) -
    Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lng - a.lng));
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

/** The point `eastM` metres east and `northM` metres north of `origin`. */
export function offsetM(origin: LatLng, eastM: number, northM: number): LatLng {
  const metersPerDegreeLng = METERS_PER_DEGREE_LAT * Math.cos(rad(origin.lat));
  return { lat: origin.lat + northM / METERS_PER_DEGREE_LAT, lng: origin.lng + eastM / metersPerDegreeLng };
}

/** GeoJSON positions are [lng, lat]. */
export function lineStringPoints(line: LineString): LatLng[] {
  return line.coordinates.map(([lng, lat]) => ({ lat, lng }));
}

export const KNOTS_PER_KMH = 1 / 1.852;
