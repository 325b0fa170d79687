import { EARTH_RADIUS_METERS, type GeoPolygon, isPointInPolygon, type LatLng, type LngLatPosition } from './geo';

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Metres east and north of `origin`. Flat within a few kilometres of it: the
 * error at a site's scale is millimetres, far below what a map click places.
 */
function localMeters(origin: LatLng, [lng, lat]: LngLatPosition): [x: number, y: number] {
  const metersPerRadian = EARTH_RADIUS_METERS;
  return [
    toRadians(lng - origin.lng) * Math.cos(toRadians(origin.lat)) * metersPerRadian,
    toRadians(lat - origin.lat) * metersPerRadian,
  ];
}

/** Distance from the origin (0, 0) to the segment a–b, on the plane. */
function originToSegmentMeters([ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const along = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + along * dx, ay + along * dy);
}

/**
 * How far `position` lies outside `fence`, in metres: 0 on or inside it,
 * otherwise the distance to the nearest edge of any ring (a point in a hole
 * is outside, and its nearest fence is the hole's edge).
 */
export function distanceOutsideFenceMeters(position: LatLng, fence: GeoPolygon): number {
  if (isPointInPolygon(position, fence)) return 0;
  let nearest = Infinity;
  for (const ring of fence.coordinates) {
    for (let i = 1; i < ring.length; i++) {
      const meters = originToSegmentMeters(localMeters(position, ring[i - 1]), localMeters(position, ring[i]));
      if (meters < nearest) nearest = meters;
    }
  }
  return nearest;
}
