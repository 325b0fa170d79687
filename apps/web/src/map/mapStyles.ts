import type { CircleMarkerOptions, PathOptions, PolylineOptions } from 'leaflet';

/**
 * One table for the map and its legend, so the legend cannot lie. Colours
 * are mid-tones that read on the dark and the light theme and on any tiles.
 */
export const MAP_STYLES = {
  siteGeofence: {
    color: '#d97706',
    weight: 2,
    dashArray: '6 4',
    fillColor: '#f59e0b',
    fillOpacity: 0.14,
  } satisfies PathOptions,
  plantGeofence: {
    color: '#7c3aed',
    weight: 2,
    fillColor: '#8b5cf6',
    fillOpacity: 0.14,
  } satisfies PathOptions,
  entryRoute: {
    color: '#2563eb',
    weight: 5,
    opacity: 0.95,
    lineCap: 'round',
    lineJoin: 'round',
  } satisfies PolylineOptions,
  exitRoute: {
    color: '#0d9488',
    weight: 4,
    opacity: 0.95,
    dashArray: '10 8',
    lineCap: 'butt',
  } satisfies PolylineOptions,
  pump: { radius: 9, color: '#ffffff', weight: 3, fillColor: '#db2777', fillOpacity: 1 } satisfies CircleMarkerOptions,
} as const;

/** Point markers drawn as HTML (L.divIcon): the class carries the colour, the text the letter. */
export const MARKER_PINS = {
  plant: { className: 'map-pin map-pin--plant', text: 'P', color: '#7c3aed' },
  start: { className: 'map-pin map-pin--start', text: 'S', color: '#16a34a' },
  end: { className: 'map-pin map-pin--end', text: 'E', color: '#dc2626' },
} as const;
