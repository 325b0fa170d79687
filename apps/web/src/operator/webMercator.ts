const TILE_PX = 256;
/** Leaflet's EPSG:3857 clamps latitudes here, where the square world map ends. */
const MAX_LATITUDE = 85.0511287798;
const RADIANS = Math.PI / 180;

/** World pixels across the map at a zoom, as Leaflet's EPSG:3857 scales them. */
export function worldSize(zoom: number): number {
  return TILE_PX * Math.pow(2, zoom);
}

/** Web Mercator x in world pixels of a map `size` pixels wide (what `map.project(…).x` gives). */
export function mercatorX(lng: number, size: number): number {
  return size * (lng / 360 + 0.5);
}

/** Web Mercator y in world pixels of a map `size` pixels wide (what `map.project(…).y` gives). */
export function mercatorY(lat: number, size: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin(clamped * RADIANS);
  return size * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI));
}
