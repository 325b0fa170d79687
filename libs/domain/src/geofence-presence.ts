import { lineString, pointToLineDistance } from '@turf/turf';
import { isPointInPolygon, isValidLatLng, validatePolygon } from './geo';
import type { GeoPolygon, LatLng } from './geo';
import { assertNonNegative } from './input-guards';

export type FencePresence = 'inside' | 'outside';
/** `unknown` is a truck the system has not yet placed against this fence. */
export type PreviousFencePresence = FencePresence | 'unknown';
export type PresenceChange = 'entered' | 'exited';

/** A fence drawn around the yard already has room to spare, so crossing it is enough to count as in. */
export const DEFAULT_ENTER_MARGIN_M = 0;
/** Well past urban GPS jitter: a truck parked at the gate must not "leave" and "return" every fix. */
export const DEFAULT_EXIT_MARGIN_M = 40;

export interface PresenceMargins {
  enterMarginM?: number;
  exitMarginM?: number;
}

const PREVIOUS_PRESENCES: readonly PreviousFencePresence[] = ['inside', 'outside', 'unknown'];

/**
 * Hysteresis: entering and leaving need different evidence, and between the two
 * thresholds the previous state stands, so a truck idling on the fence line
 * does not flap between states (and its load between statuses).
 */
export function nextPresence(
  previous: PreviousFencePresence,
  position: LatLng,
  fence: GeoPolygon,
  margins: PresenceMargins = {},
): FencePresence {
  const enterMarginM = margins.enterMarginM ?? DEFAULT_ENTER_MARGIN_M;
  const exitMarginM = margins.exitMarginM ?? DEFAULT_EXIT_MARGIN_M;
  if (!PREVIOUS_PRESENCES.includes(previous)) {
    throw new RangeError(`previous must be inside, outside or unknown, got ${String(previous)}`);
  }
  if (!isValidLatLng(position)) throw new RangeError('position must be a latitude and longitude within range');
  const fenceProblem = validatePolygon(fence);
  if (fenceProblem) throw new RangeError(`fence: ${fenceProblem}`);
  assertNonNegative('enterMarginM', enterMarginM);
  assertNonNegative('exitMarginM', exitMarginM);

  const inside = isPointInPolygon(position, fence);
  // With no state to protect there is nothing to debounce: where the truck is now is the best answer.
  if (previous === 'unknown') return inside ? 'inside' : 'outside';

  if (previous === 'outside') {
    if (!inside) return 'outside';
    const entered = enterMarginM === 0 || distanceToFenceEdgeM(position, fence) >= enterMarginM;
    return entered ? 'inside' : 'outside';
  }

  if (inside) return 'inside';
  return distanceToFenceEdgeM(position, fence) > exitMarginM ? 'outside' : 'inside';
}

/**
 * A first placement counts as a change too: the load rules key on the load's
 * status, so a released truck first seen outside its plant has left it, and a
 * returning truck first seen inside has come back, even if no fix fell on the line.
 */
export function presenceChange(previous: PreviousFencePresence, next: FencePresence): PresenceChange | null {
  if (previous === next) return null;
  return next === 'inside' ? 'entered' : 'exited';
}

/** Distance to the nearest ring, holes included: the edge of a hole is an edge of the fence. */
export function distanceToFenceEdgeM(position: LatLng, fence: GeoPolygon): number {
  const at: [number, number] = [position.lng, position.lat];
  return Math.min(...fence.coordinates.map((ring) => pointToLineDistance(at, lineString(ring), { units: 'meters' })));
}

/** [min lng, min lat, max lng, max lat] of each fence, worked out once. */
const BOXES = new WeakMap<GeoPolygon, [number, number, number, number]>();

function outsideBox(position: LatLng, fence: GeoPolygon): boolean {
  let box = BOXES.get(fence);
  if (!box) {
    box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of fence.coordinates) {
      for (const [lng, lat] of ring) {
        box = [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)];
      }
    }
    BOXES.set(fence, box);
  }
  return position.lng < box[0] || position.lat < box[1] || position.lng > box[2] || position.lat > box[3];
}

/**
 * `nextPresence` for a fence already validated when it was stored and a
 * position already checked on the way in, taken for every fix: the common
 * answers (a truck staying well inside, one staying outside the fence's box)
 * come from a box test or one point-in-polygon test, not from distances.
 */
export function judgePresence(
  previous: PreviousFencePresence,
  position: LatLng,
  fence: GeoPolygon,
  margins: PresenceMargins = {},
): FencePresence {
  if (previous === 'outside' && outsideBox(position, fence)) return 'outside';
  if (previous === 'inside' && isPointInPolygon(position, fence)) return 'inside';
  return nextPresence(previous, position, fence, margins);
}
