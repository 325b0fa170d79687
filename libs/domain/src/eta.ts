import { nearestPointOnLine } from '@turf/turf';
import { haversineMeters, isValidLatLng, lineStringLengthMeters, validateLineString } from './geo';
import type { GeoLineString, LatLng } from './geo';
import { assertFinite, assertNonNegative, assertPositive, assertValidDate } from './input-guards';
import { isAtLeast } from './numbers';

/** GPS on a truck in a city is off by tens of metres; beyond this the driver has left the planned route. */
export const DEFAULT_OFF_ROUTE_THRESHOLD_M = 150;
/** Urban mixer-truck pace, used when the truck gives no usable speed of its own. */
export const DEFAULT_TYPICAL_SPEED_KMH = 30;
/** Below this a truck is queuing or parked, and its speed says nothing about the road ahead. */
export const DEFAULT_MIN_MOVING_SPEED_KMH = 5;
/** Roads are longer than the crow flies; a truck off the planned route is charged for it. */
export const DEFAULT_DETOUR_FACTOR = 1.3;

/** Closer than this to the route's end, the truck has finished the route. */
const ROUTE_END_TOLERANCE_M = 1;
const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;
const KMH_PER_M_PER_S = 3.6;

export interface ArrivalInput {
  position: LatLng;
  /** The pour's planned entry route, GeoJSON order [lng, lat]. */
  route: GeoLineString;
  destination: LatLng;
  /** Newest last; may be empty. */
  recentSpeedsKmh: readonly number[];
  now: Date;
  offRouteThresholdM?: number;
  typicalSpeedKmh?: number;
  minMovingSpeedKmh?: number;
  detourFactor?: number;
}

export type ArrivalMethod = 'route' | 'straight_line';

export interface ArrivalEstimate {
  remainingM: number;
  speedKmh: number;
  etaSeconds: number;
  arrivesAt: Date;
  method: ArrivalMethod;
  distanceFromRouteM: number;
}

export interface DeadlineCheck {
  beats: boolean;
  /** Minutes to spare after discharge ends; negative when discharge would overrun. */
  slackMinutes: number;
}

export function estimateArrival(input: ArrivalInput): ArrivalEstimate {
  const offRouteThresholdM = input.offRouteThresholdM ?? DEFAULT_OFF_ROUTE_THRESHOLD_M;
  const typicalSpeedKmh = input.typicalSpeedKmh ?? DEFAULT_TYPICAL_SPEED_KMH;
  const minMovingSpeedKmh = input.minMovingSpeedKmh ?? DEFAULT_MIN_MOVING_SPEED_KMH;
  const detourFactor = input.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  validateArrivalInput(input, { offRouteThresholdM, typicalSpeedKmh, minMovingSpeedKmh, detourFactor });

  const { position, route, destination } = input;
  const coordinates = route.coordinates;
  const snapped = nearestPointOnLine(route, [position.lng, position.lat], { units: 'meters' });
  const distanceFromRouteM = snapped.properties.pointDistance;

  let remainingM: number;
  let method: ArrivalMethod;
  if (distanceFromRouteM <= offRouteThresholdM) {
    method = 'route';
    const [snappedLng, snappedLat] = snapped.geometry.coordinates;
    // Measured vertex by vertex rather than total length minus turf's offset,
    // so rounding can never make the distance left along the route negative.
    const segmentIndex = Math.min(snapped.properties.segmentIndex, coordinates.length - 2);
    const [nextLng, nextLat] = coordinates[segmentIndex + 1];
    const alongRouteM =
      haversineMeters({ lat: snappedLat, lng: snappedLng }, { lat: nextLat, lng: nextLng }) +
      lineStringLengthMeters(coordinates.slice(segmentIndex + 1));
    const [endLng, endLat] = coordinates[coordinates.length - 1];
    // A truck at or past the route's end is on the last leg already: measuring
    // that leg from the route's end would freeze its ETA until it arrives.
    remainingM =
      alongRouteM < ROUTE_END_TOLERANCE_M
        ? haversineMeters(position, destination)
        : alongRouteM + haversineMeters({ lat: endLat, lng: endLng }, destination);
  } else {
    method = 'straight_line';
    remainingM = haversineMeters(position, destination) * detourFactor;
  }

  const speedKmh = expectedSpeedKmh(input.recentSpeedsKmh, minMovingSpeedKmh, typicalSpeedKmh);
  const etaSeconds = remainingM / (speedKmh / KMH_PER_M_PER_S);
  const arrivesAt = new Date(input.now.getTime() + etaSeconds * MS_PER_SECOND);
  return { remainingM, speedKmh, etaSeconds, arrivesAt, method, distanceFromRouteM };
}

/**
 * Samples below the moving threshold are a queue or a red light, not the road's
 * pace, so they are left out; with nothing left the truck is stopped (or silent)
 * and the typical pace is the best guess for when it moves again.
 */
function expectedSpeedKmh(
  recentSpeedsKmh: readonly number[],
  minMovingSpeedKmh: number,
  typicalSpeedKmh: number,
): number {
  const moving = recentSpeedsKmh.filter((speedKmh) => speedKmh >= minMovingSpeedKmh);
  if (moving.length === 0) return typicalSpeedKmh;
  return moving.reduce((sum, speedKmh) => sum + speedKmh, 0) / moving.length;
}

function validateArrivalInput(
  input: ArrivalInput,
  settings: { offRouteThresholdM: number; typicalSpeedKmh: number; minMovingSpeedKmh: number; detourFactor: number },
): void {
  if (!isValidLatLng(input.position)) throw new RangeError('position must be a latitude and longitude within range');
  if (!isValidLatLng(input.destination)) {
    throw new RangeError('destination must be a latitude and longitude within range');
  }
  const routeProblem = validateLineString(input.route);
  if (routeProblem) throw new RangeError(`route: ${routeProblem}`);
  if (!Array.isArray(input.recentSpeedsKmh)) throw new RangeError('recentSpeedsKmh must be a list of speeds');
  input.recentSpeedsKmh.forEach((speedKmh, i) => assertNonNegative(`recentSpeedsKmh[${i}]`, speedKmh));
  assertValidDate('now', input.now);
  assertNonNegative('offRouteThresholdM', settings.offRouteThresholdM);
  assertPositive('typicalSpeedKmh', settings.typicalSpeedKmh);
  // A zero threshold would let a parked truck's 0 km/h into the mean and promise it never arrives.
  assertPositive('minMovingSpeedKmh', settings.minMovingSpeedKmh);
  assertFinite('detourFactor', settings.detourFactor);
  if (settings.detourFactor < 1) throw new RangeError(`detourFactor must be at least 1, got ${settings.detourFactor}`);
}

/**
 * Arriving is not enough: the whole load must be out of the drum by the
 * deadline. Discharge ending exactly at the deadline beats it.
 */
export function beatsDeadline(arrivesAt: Date, deadline: Date, dischargeMinutes: number): DeadlineCheck {
  assertValidDate('arrivesAt', arrivesAt);
  assertValidDate('deadline', deadline);
  assertNonNegative('dischargeMinutes', dischargeMinutes);
  const slackMinutes = (deadline.getTime() - arrivesAt.getTime()) / MS_PER_MINUTE - dischargeMinutes;
  return { beats: isAtLeast(slackMinutes, 0), slackMinutes };
}
