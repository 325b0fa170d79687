import { assertPositive, assertValidDate } from './input-guards';
import { travelMinutesFor } from './release-targets';

/**
 * How long the road from the plant to a site takes, learned from the trucks
 * that drove it: the median of recent trips (leaving the plant to arriving on
 * site, as the trucks' positions show them or, without positions, as the
 * load's steps were recorded), those that left in the same hour of the day
 * first, since the same road is slower at rush hour. With too few trips, the
 * route's length at a typical speed.
 */

/** Fewer trips than this say more about one driver than about the road. */
export const MIN_TRIPS_FOR_MEDIAN = 3;
/** The newest trips only: roadworks come and go. */
export const MAX_TRIPS_CONSIDERED = 20;
/** A trip longer than this was a truck parked on the way, not the road. */
export const MAX_PLAUSIBLE_TRIP_MINUTES = 240;

/** Where a trip's times come from: the truck's positions crossing the fences, or the load's recorded steps. */
export type TripSource = 'positions' | 'load_steps';

export interface TripRecord {
  departedAt: Date;
  arrivedAt: Date;
  /** Hour of the day the truck left, 0–23, in the plant's time zone. */
  departureHour: number;
  /** Load steps when not said. */
  source?: TripSource;
}

export type TravelBasis = 'same_hour' | 'any_hour' | 'route_length';

export interface LearnedTravelTime {
  minutes: number;
  basis: TravelBasis;
  /** How many trips the figure rests on; 0 for the route length. */
  trips: number;
  /** How many of those trips were measured from the trucks' positions. */
  fromPositions: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function tripMinutes(trip: TripRecord): number {
  return (trip.arrivedAt.getTime() - trip.departedAt.getTime()) / 60_000;
}

export function learnedTravelTime(input: {
  trips: readonly TripRecord[];
  /** Hour of the day of the departure to estimate, in the plant's time zone. */
  hour: number;
  routeLengthM: number;
  typicalSpeedKmh: number;
}): LearnedTravelTime {
  assertPositive('typicalSpeedKmh', input.typicalSpeedKmh);
  if (!Number.isInteger(input.hour) || input.hour < 0 || input.hour > 23) {
    throw new RangeError(`hour must be a whole hour of the day, got ${input.hour}`);
  }
  const usable = input.trips
    .filter((trip) => {
      assertValidDate('departedAt', trip.departedAt);
      assertValidDate('arrivedAt', trip.arrivedAt);
      const minutes = tripMinutes(trip);
      return minutes > 0 && minutes <= MAX_PLAUSIBLE_TRIP_MINUTES;
    })
    .sort((a, b) => b.departedAt.getTime() - a.departedAt.getTime());
  const sameHour = usable.filter((trip) => trip.departureHour === input.hour).slice(0, MAX_TRIPS_CONSIDERED);
  const learned = (trips: TripRecord[], basis: TravelBasis): LearnedTravelTime => ({
    minutes: median(trips.map(tripMinutes)),
    basis,
    trips: trips.length,
    fromPositions: trips.filter((trip) => trip.source === 'positions').length,
  });
  if (sameHour.length >= MIN_TRIPS_FOR_MEDIAN) return learned(sameHour, 'same_hour');
  const anyHour = usable.slice(0, MAX_TRIPS_CONSIDERED);
  if (anyHour.length >= MIN_TRIPS_FOR_MEDIAN) return learned(anyHour, 'any_hour');
  return {
    minutes: travelMinutesFor(input.routeLengthM, input.typicalSpeedKmh),
    basis: 'route_length',
    trips: 0,
    fromPositions: 0,
  };
}
