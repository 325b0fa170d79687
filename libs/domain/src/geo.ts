import { booleanPointInPolygon, point } from '@turf/turf';

export interface LatLng {
  lat: number;
  lng: number;
}

/** GeoJSON order, longitude first: the order maps and trackers disagree on most. */
export type LngLatPosition = [number, number];

export interface GeoLineString {
  type: 'LineString';
  coordinates: LngLatPosition[];
}

export interface GeoPolygon {
  type: 'Polygon';
  coordinates: LngLatPosition[][];
}

/** Mean Earth radius (IUGG), the one turf uses, so both give the same distances. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

function isLatitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -90 && value <= 90;
}

function isLongitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -180 && value <= 180;
}

export function isValidLatLng(value: unknown): value is LatLng {
  if (value === null || typeof value !== 'object') return false;
  const { lat, lng } = value as Record<string, unknown>;
  return isLatitude(lat) && isLongitude(lng);
}

function isPosition(value: unknown): value is LngLatPosition {
  return Array.isArray(value) && value.length === 2 && isLongitude(value[0]) && isLatitude(value[1]);
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance; on a city's scale its error is far below GPS noise. */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function lineStringLengthMeters(coordinates: readonly LngLatPosition[]): number {
  let meters = 0;
  for (let i = 1; i < coordinates.length; i++) {
    const [fromLng, fromLat] = coordinates[i - 1];
    const [toLng, toLat] = coordinates[i];
    meters += haversineMeters({ lat: fromLat, lng: fromLng }, { lat: toLat, lng: toLng });
  }
  return meters;
}

export function isClosedRing(ring: readonly LngLatPosition[]): boolean {
  if (ring.length < 4) return false;
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1];
}

/** A truck on the fence line counts as inside: the fence is drawn with room to spare. */
export function isPointInPolygon(position: LatLng, polygon: GeoPolygon): boolean {
  return booleanPointInPolygon(point([position.lng, position.lat]), polygon);
}

/** An error message a person can act on, or null when the value is a usable route. */
export function validateLineString(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'a route must be a GeoJSON LineString';
  const { type, coordinates } = value as Record<string, unknown>;
  if (type !== 'LineString') return 'a route must be a GeoJSON LineString';
  if (!Array.isArray(coordinates)) return 'a route needs a list of coordinates';
  if (coordinates.length < 2) return 'a route needs at least two positions';
  const bad = coordinates.findIndex((position) => !isPosition(position));
  if (bad >= 0) return `position ${bad + 1} is not [longitude, latitude] within range`;
  return null;
}

/** An error message a person can act on, or null when the value is a usable area. */
export function validatePolygon(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'an area must be a GeoJSON Polygon';
  const { type, coordinates } = value as Record<string, unknown>;
  if (type !== 'Polygon') return 'an area must be a GeoJSON Polygon';
  if (!Array.isArray(coordinates) || coordinates.length === 0) return 'a polygon needs at least one ring';
  for (const [ringIndex, ring] of coordinates.entries()) {
    const which = ringIndex === 0 ? 'the outer ring' : `hole ${ringIndex}`;
    if (!Array.isArray(ring) || ring.length < 4) return `${which} needs at least four positions`;
    const bad = ring.findIndex((position) => !isPosition(position));
    if (bad >= 0) return `${which}: position ${bad + 1} is not [longitude, latitude] within range`;
    if (!isClosedRing(ring as LngLatPosition[])) return `${which} must end where it starts`;
  }
  return null;
}
