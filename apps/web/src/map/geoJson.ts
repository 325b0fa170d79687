import type { LatLng as WireLatLng, LineString, Polygon } from '@pourline/contracts';
import type { LatLngTuple } from 'leaflet';

/** GeoJSON positions are [lng, lat]; Leaflet wants [lat, lng]. */
export function lineLatLngs(line: LineString): LatLngTuple[] {
  return line.coordinates.map(([lng, lat]) => [lat, lng]);
}

/** Outer ring and holes; the closing position GeoJSON repeats is dropped, Leaflet closes rings itself. */
export function polygonLatLngs(polygon: Polygon): LatLngTuple[][] {
  return polygon.coordinates.map((ring) => ring.slice(0, -1).map(([lng, lat]): LatLngTuple => [lat, lng]));
}

export function pointLatLng(point: WireLatLng): LatLngTuple {
  return [point.lat, point.lng];
}
