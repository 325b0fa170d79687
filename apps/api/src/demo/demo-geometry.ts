import type { LatLng, LineString, Polygon } from '@pourline/contracts';
import { haversineMeters, type LngLatPosition } from '@pourline/domain';

const METERS_PER_DEGREE_LAT = 111_320;

/** Six decimals: about 10 cm, what a GPS map needs and no more. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The point `eastM` metres east and `northM` metres north of `origin`. */
export function offset(origin: LatLng, eastM: number, northM: number): LatLng {
  const metersPerDegreeLng = METERS_PER_DEGREE_LAT * Math.cos((origin.lat * Math.PI) / 180);
  return {
    lat: round6(origin.lat + northM / METERS_PER_DEGREE_LAT),
    lng: round6(origin.lng + eastM / metersPerDegreeLng),
  };
}

export function toPosition(point: LatLng): LngLatPosition {
  return [round6(point.lng), round6(point.lat)];
}

/**
 * A plot-shaped fence: a rectangle `widthM` × `heightM` turned by
 * `rotationDeg`, with one corner cut off as real plots often have, closed.
 */
export function plotFence(center: LatLng, widthM: number, heightM: number, rotationDeg = 0): Polygon {
  const w = widthM / 2;
  const h = heightM / 2;
  const cut = Math.min(w, h) * 0.4;
  const corners: [number, number][] = [
    [-w, -h],
    [w, -h],
    [w, h - cut],
    [w - cut, h],
    [-w, h],
  ];
  const angle = (rotationDeg * Math.PI) / 180;
  const ring = corners.map(([x, y]) =>
    toPosition(offset(center, x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle))),
  );
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** A road running roughly north–south (its longitude given by latitude) or east–west. */
export type Road =
  | { name: string; runs: 'north_south'; controlPoints: [lat: number, lng: number][] }
  | { name: string; runs: 'east_west'; controlPoints: [lng: number, lat: number][] };

function interpolate(points: [number, number][], at: number): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  if (at <= sorted[0][0]) return sorted[0][1];
  for (let i = 1; i < sorted.length; i++) {
    const [x0, y0] = sorted[i - 1];
    const [x1, y1] = sorted[i];
    if (at <= x1) return y0 + ((y1 - y0) * (at - x0)) / (x1 - x0);
  }
  return sorted[sorted.length - 1][1];
}

/** The point of `road` level with `point` (same latitude on a north–south road, same longitude otherwise). */
function onRoad(road: Road, point: LatLng): LatLng {
  return road.runs === 'north_south'
    ? { lat: point.lat, lng: interpolate(road.controlPoints, point.lat) }
    : { lat: interpolate(road.controlPoints, point.lng), lng: point.lng };
}

function junction(a: Road, b: Road): LatLng {
  if (a.runs === b.runs) throw new Error(`${a.name} and ${b.name} run the same way; they do not cross`);
  const [first, value] = a.controlPoints[0];
  let point: LatLng = a.runs === 'north_south' ? { lat: first, lng: value } : { lat: value, lng: first };
  // Both roads bend gently, so a few alternations settle on the crossing.
  for (let i = 0; i < 8; i++) point = onRoad(a, onRoad(b, point));
  return point;
}

/** Positions along `road` from `from` to `to`, a bend point where the road bends, about every `stepM`. */
function along(road: Road, from: LatLng, to: LatLng, stepM: number): LatLng[] {
  const key = (p: LatLng) => (road.runs === 'north_south' ? p.lat : p.lng);
  const start = key(from);
  const end = key(to);
  const bends = road.controlPoints.map(([at]) => at).filter((at) => (at - start) * (at - end) < 0);
  const marks = [start, ...bends.sort((a, b) => (end > start ? a - b : b - a)), end];
  const points: LatLng[] = [];
  for (let i = 1; i < marks.length; i++) {
    const a = onRoad(road, road.runs === 'north_south' ? { lat: marks[i - 1], lng: 0 } : { lat: 0, lng: marks[i - 1] });
    const b = onRoad(road, road.runs === 'north_south' ? { lat: marks[i], lng: 0 } : { lat: 0, lng: marks[i] });
    const pieces = Math.max(1, Math.round(haversineMeters(a, b) / stepM));
    for (let j = 1; j <= pieces; j++) {
      const at = marks[i - 1] + ((marks[i] - marks[i - 1]) * j) / pieces;
      points.push(onRoad(road, road.runs === 'north_south' ? { lat: at, lng: 0 } : { lat: 0, lng: at }));
    }
  }
  return points;
}

/**
 * The route a truck drives from `from` to `to` along `roads` in order, turning
 * where one road meets the next; `stepM` spaces the positions on long stretches.
 */
export function drive(from: LatLng, roads: Road[], to: LatLng, stepM = 900): LineString {
  const path: LatLng[] = [from];
  let here = onRoad(roads[0], from);
  path.push(here);
  roads.forEach((road, index) => {
    const next = index + 1 < roads.length ? junction(road, roads[index + 1]) : onRoad(road, to);
    path.push(...along(road, here, next, stepM));
    here = next;
  });
  path.push(to);
  const coordinates = path
    .map(toPosition)
    .filter(
      (position, index, all) => index === 0 || position[0] !== all[index - 1][0] || position[1] !== all[index - 1][1],
    );
  return { type: 'LineString', coordinates };
}
