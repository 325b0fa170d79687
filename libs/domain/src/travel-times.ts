import { assertPositive, assertValidDate } from './input-guards';
import { travelMinutesFor } from './release-targets';

/**
 * How long the road from the plant to a site takes, learned from the trucks
 * that drove it: the median of recent trips (leaving the plant to arriving on
 * site), those that left in the same hour of the day first, since the same
 * road is slower at rush hour. With too few trips, the route's length at a
 * typical speed.
 */

/** Fewer trips than this say more about one driver than about the road. */
export const MIN_TRIPS_FOR_MEDIAN = 3;
/** The newest trips only: roadworks come and go. */
export const MAX_TRIPS_CONSIDERED = 20;
/** A trip longer than this was a truck parked on the way, not the road. */
export const MAX_PLAUSIBLE_TRIP_MINUTES = 240;

export interface TripRecord {
  departedAt: Date;
  arrivedAt: Date;
  /** Hour of the day the truck left, 0–23, in the plant's time zone. */
  departureHour: number;
}

export type TravelBasis = 'same_hour' | 'any_hour' | 'route_length';

export interface LearnedTravelTime {
  minutes: number;
  basis: TravelBasis;
  /** How many trips the figure rests on; 0 for the route length. */
  trips: number;
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
  if (sameHour.length >= MIN_TRIPS_FOR_MEDIAN) {
    return { minutes: median(sameHour.map(tripMinutes)), basis: 'same_hour', trips: sameHour.length };
  }
  const anyHour = usable.slice(0, MAX_TRIPS_CONSIDERED);
  if (anyHour.length >= MIN_TRIPS_FOR_MEDIAN) {
    return { minutes: median(anyHour.map(tripMinutes)), basis: 'any_hour', trips: anyHour.length };
  }
  return {
    minutes: travelMinutesFor(input.routeLengthM, input.typicalSpeedKmh),
    basis: 'route_length',
    trips: 0,
  };
}
