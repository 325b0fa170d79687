import { M_PER_DEG } from '../support/live-support';
import { benchPosition } from './bench-fleet';

/** 30 km/h. */
export const SPEED_M_PER_S = 30 / 3.6;
export const FENCE_HALF_DEG = 0.001;

export interface MotionGroup {
  plant: { lat: number; lng: number };
  site: { lat: number; lng: number };
}

export interface TruckMotion {
  group: number;
  /** `yard`: released, standing in its plant until it drives off; `road`: en route, driving into its site. */
  kind: 'yard' | 'road';
  /** Seconds after the start of the run at which it drives off, or reaches its site's fence. */
  crossAtS: number;
}

/**
 * How the fleet moves, as plain data: the load generator's threads each get a
 * copy and compute every truck's position from it, second by second.
 */
export type FleetMotion = { kind: 'bare' } | { kind: 'realistic'; groups: MotionGroup[]; trucks: TruckMotion[] };

const metresToDeg = (metres: number) => metres / M_PER_DEG;

/** Where truck `index` is `second` seconds into the runs. */
export function positionOf(motion: FleetMotion, index: number, second: number): { lat: number; lng: number } {
  if (motion.kind === 'bare') return benchPosition(index, second);
  const plan = motion.trucks[index];
  const { plant, site } = motion.groups[plan.group];
  // A few metres of GPS jitter, different for each truck and second.
  const jitter = metresToDeg(3 * Math.sin(index * 12.9898 + second * 78.233));
  if (plan.kind === 'yard') {
    const driven = Math.max(0, second - plan.crossAtS) * SPEED_M_PER_S;
    return { lat: Math.min(site.lat, plant.lat + metresToDeg(driven)) + jitter, lng: plant.lng + jitter };
  }
  const fenceEdge = site.lat - FENCE_HALF_DEG;
  const toGo = (plan.crossAtS - second) * SPEED_M_PER_S;
  return { lat: Math.min(site.lat, fenceEdge - metresToDeg(toGo)) + jitter, lng: site.lng + jitter };
}
