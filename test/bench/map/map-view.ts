/** What a map container shows: its size in CSS pixels, its centre and its zoom. */
export interface MapView {
  width: number;
  height: number;
  center: { lat: number; lng: number };
  zoom: number;
}

export interface DrawnPoint {
  lat: number;
  lng: number;
  /** Pixels from the map container's top-left. */
  x: number;
  y: number;
}

const TILE = 256;

/** Web Mercator at zoom 0, as Leaflet's EPSG:3857 projects it. */
function project(lat: number, lng: number): { x: number; y: number } {
  const phi = (lat * Math.PI) / 180;
  return {
    x: (TILE * (lng + 180)) / 360,
    y: TILE * (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)),
  };
}

function unproject(x: number, y: number): { lat: number; lng: number } {
  return {
    lat: ((2 * Math.atan(Math.exp(Math.PI * (1 - (2 * y) / TILE))) - Math.PI / 2) * 180) / Math.PI,
    lng: (x / TILE) * 360 - 180,
  };
}

/**
 * The view of a map, from two points drawn on it whose coordinates are
 * known: their distance on screen gives the zoom, either of them the centre.
 */
export function viewFromPoints(a: DrawnPoint, b: DrawnPoint, width: number, height: number): MapView {
  const pa = project(a.lat, a.lng);
  const pb = project(b.lat, b.lng);
  const scale = Math.hypot(a.x - b.x, a.y - b.y) / Math.hypot(pa.x - pb.x, pa.y - pb.y);
  const center = unproject(pa.x + (width / 2 - a.x) / scale, pa.y + (height / 2 - a.y) / scale);
  return { width, height, center, zoom: Math.round(Math.log2(scale) * 100) / 100 };
}
