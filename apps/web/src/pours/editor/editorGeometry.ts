import type { LatLng, LineString } from '@pourline/contracts';
import * as L from 'leaflet';

/** About a centimetre: enough for a set-up position, and the wire stays readable. */
const round = (degrees: number) => Math.round(degrees * 1e7) / 1e7;

export function roundedLatLng({ lat, lng }: { lat: number; lng: number }): LatLng {
  return { lat: round(lat), lng: round(lng) };
}

/** Leaflet [lat, lng] points → GeoJSON LineString of [lng, lat]. */
export function lineStringFrom(latLngs: ReadonlyArray<{ lat: number; lng: number }>): LineString {
  return { type: 'LineString', coordinates: latLngs.map(({ lat, lng }) => [round(lng), round(lat)]) };
}

/** A polyline's points, flattened: geoman hands back nested arrays for multi-lines. */
export function polylinePoints(layer: L.Polyline): L.LatLng[] {
  return (layer.getLatLngs() as unknown[]).flat(2).filter((point): point is L.LatLng => point instanceof L.LatLng);
}

export function sameLine(a: LineString | null, b: LineString | null): boolean {
  return JSON.stringify(a?.coordinates ?? null) === JSON.stringify(b?.coordinates ?? null);
}

/** Everything the map should show at once; null when there is nothing to frame. */
export function editorBounds(
  points: Array<LatLng | null | undefined>,
  lines: Array<Array<[number, number]>>,
): L.LatLngBounds | null {
  const latLngs: L.LatLngTuple[] = [];
  for (const point of points) if (point) latLngs.push([point.lat, point.lng]);
  for (const line of lines) for (const [lng, lat] of line) latLngs.push([lat, lng]);
  return latLngs.length > 0 ? L.latLngBounds(latLngs) : null;
}
