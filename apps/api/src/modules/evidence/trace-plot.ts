import type { TracePoint } from '@pourline/contracts';

export interface PlotBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A trace projected onto a box for drawing: Web Mercator metres, scaled
 * uniformly (north up, no distortion of shape) and centred in the box.
 */
export function projectTrace(trace: readonly TracePoint[], box: PlotBox): [number, number][] {
  if (trace.length === 0) return [];
  const projected = trace.map(([lat, lng]) => mercator(lat, lng));
  const xs = projected.map(([x]) => x);
  const ys = projected.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // A trace standing still is a dot in the middle, not a division by zero.
  const scale = Math.min(box.width / Math.max(maxX - minX, 1), box.height / Math.max(maxY - minY, 1));
  const offsetX = box.x + (box.width - (maxX - minX) * scale) / 2;
  const offsetY = box.y + (box.height - (maxY - minY) * scale) / 2;
  return projected.map(([x, y]) => [offsetX + (x - minX) * scale, offsetY + (maxY - y) * scale]);
}

const EARTH_RADIUS_M = 6_378_137;

function mercator(lat: number, lng: number): [number, number] {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [(EARTH_RADIUS_M * lng * Math.PI) / 180, EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}
