import { learnedTravelTime, median, MIN_TRIPS_FOR_MEDIAN } from './travel-times';

const day = new Date('2026-11-30T00:00:00Z');
const trip = (departureHour: number, minutes: number, index = 0) => {
  const departedAt = new Date(day.getTime() + (departureHour * 60 + index) * 60_000);
  return { departedAt, arrivedAt: new Date(departedAt.getTime() + minutes * 60_000), departureHour };
};
const route = { routeLengthM: 15_000, typicalSpeedKmh: 30 };

describe(median.name, () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
  });
});

describe(learnedTravelTime.name, () => {
  it('falls back to the route length at a typical speed without enough trips', () => {
    expect(learnedTravelTime({ ...route, trips: [trip(8, 20), trip(8, 22)], hour: 8 })).toEqual({
      minutes: 30,
      basis: 'route_length',
      trips: 0,
      fromPositions: 0,
    });
  });

  it('is the median of trips that left in the same hour, when there are enough', () => {
    const trips = [trip(8, 40, 1), trip(8, 44, 2), trip(8, 90, 3), trip(14, 20, 1), trip(14, 21, 2)];
    expect(learnedTravelTime({ ...route, trips, hour: 8 })).toEqual({
      minutes: 44,
      basis: 'same_hour',
      trips: 3,
      fromPositions: 0,
    });
  });

  it('uses trips of any hour when the hour has too few', () => {
    const trips = [trip(8, 40, 1), trip(14, 20, 1), trip(14, 24, 2), trip(15, 30, 1)];
    expect(learnedTravelTime({ ...route, trips, hour: 14 })).toEqual({
      minutes: 27,
      basis: 'any_hour',
      trips: 4,
      fromPositions: 0,
    });
  });

  it('leaves out a truck parked on the way for hours', () => {
    const trips = [trip(8, 30, 1), trip(8, 32, 2), trip(8, 600, 3)];
    expect(learnedTravelTime({ ...route, trips, hour: 8 }).basis).toBe('route_length');
    expect(MIN_TRIPS_FOR_MEDIAN).toBe(3);
  });

  it('refuses an hour that is not one', () => {
    expect(() => learnedTravelTime({ ...route, trips: [], hour: 24 })).toThrow(RangeError);
  });
});
