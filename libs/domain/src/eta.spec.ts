import { beatsDeadline, estimateArrival, type ArrivalInput } from './eta';
import { haversineMeters, type GeoLineString } from './geo';

/** One hundredth of a degree of latitude on the IUGG sphere. */
const METERS_PER_0_01_DEG_LAT = 1_111.95;

// Due north along 121° E, 0.1° of latitude: 11,119.5 m.
const northbound: GeoLineString = {
  type: 'LineString',
  coordinates: [
    [121.0, 31.0],
    [121.0, 31.05],
    [121.0, 31.1],
  ],
};
const routeLengthM = 10 * METERS_PER_0_01_DEG_LAT;
const routeEnd = { lat: 31.1, lng: 121.0 };
const now = new Date('2025-06-01T08:00:00Z');

function arrival(overrides: Partial<ArrivalInput>) {
  return estimateArrival({
    position: { lat: 31.05, lng: 121.0 },
    route: northbound,
    destination: routeEnd,
    recentSpeedsKmh: [36],
    now,
    ...overrides,
  });
}

describe(estimateArrival.name, () => {
  it('times a truck halfway along the route at 36 km/h by the distance left over its speed', () => {
    const estimate = arrival({ position: { lat: 31.05, lng: 121.0 }, recentSpeedsKmh: [36, 36] });
    const expectedSeconds = routeLengthM / 2 / 10;
    expect(estimate.method).toBe('route');
    expect(estimate.remainingM).toBeCloseTo(routeLengthM / 2, -1);
    expect(estimate.speedKmh).toBe(36);
    expect(Math.abs(estimate.etaSeconds - expectedSeconds) / expectedSeconds).toBeLessThan(0.01);
    expect(estimate.arrivesAt.getTime()).toBeCloseTo(now.getTime() + estimate.etaSeconds * 1000, 0);
    expect(estimate.distanceFromRouteM).toBeLessThan(1);
  });

  it('adds the straight line from the route end to a destination past it', () => {
    const destination = { lat: 31.1, lng: 121.001 };
    const estimate = arrival({ position: { lat: 31.05, lng: 121.0 }, destination });
    expect(estimate.remainingM).toBeCloseTo(routeLengthM / 2 + haversineMeters(routeEnd, destination), -1);
  });

  it('follows the route for a truck a little to the side of it, GPS error or a lay-by', () => {
    const estimate = arrival({ position: { lat: 31.05, lng: 121.001 } });
    expect(estimate.method).toBe('route');
    expect(estimate.distanceFromRouteM).toBeCloseTo(95.3, 0);
    expect(estimate.remainingM).toBeCloseTo(routeLengthM / 2, -1);
  });

  it('charges a truck off the route the straight line times the detour factor', () => {
    const position = { lat: 31.05, lng: 121.01 };
    const estimate = arrival({ position });
    expect(estimate.method).toBe('straight_line');
    expect(estimate.distanceFromRouteM).toBeCloseTo(952.6, -1);
    expect(estimate.remainingM).toBeCloseTo(haversineMeters(position, routeEnd) * 1.3, 6);
  });

  it('uses the given threshold and detour factor', () => {
    const position = { lat: 31.05, lng: 121.001 };
    const estimate = arrival({ position, offRouteThresholdM: 50, detourFactor: 1.5 });
    expect(estimate.method).toBe('straight_line');
    expect(estimate.remainingM).toBeCloseTo(haversineMeters(position, routeEnd) * 1.5, 6);
  });

  it('measures the whole route for a truck still behind its start', () => {
    const estimate = arrival({ position: { lat: 30.9995, lng: 121.0 } });
    expect(estimate.method).toBe('route');
    expect(estimate.remainingM).toBeCloseTo(routeLengthM, -1);
  });

  it('measures the last leg from the truck itself once it is past the route end', () => {
    const position = { lat: 31.101, lng: 121.0 };
    const destination = { lat: 31.102, lng: 121.0 };
    const estimate = arrival({ position, destination });
    expect(estimate.method).toBe('route');
    expect(estimate.remainingM).toBeCloseTo(haversineMeters(position, destination), 6);
    expect(estimate.remainingM).toBeCloseTo(METERS_PER_0_01_DEG_LAT / 10, 0);
  });

  it('never goes negative for a truck that overshot a destination at the route end', () => {
    const estimate = arrival({ position: { lat: 31.101, lng: 121.0 } });
    expect(estimate.remainingM).toBeCloseTo(METERS_PER_0_01_DEG_LAT / 10, 0);
    expect(estimate.etaSeconds).toBeGreaterThan(0);
  });

  it('is 0 seconds away at the destination', () => {
    const estimate = arrival({ position: routeEnd });
    expect(estimate.remainingM).toBeCloseTo(0, 3);
    expect(estimate.arrivesAt.getTime()).toBeCloseTo(now.getTime(), -1);
  });

  it('follows a route with a bend', () => {
    const bent: GeoLineString = {
      type: 'LineString',
      coordinates: [
        [121.0, 31.0],
        [121.0, 31.02],
        [121.02, 31.02],
      ],
    };
    const end = { lat: 31.02, lng: 121.02 };
    const estimate = arrival({ route: bent, destination: end, position: { lat: 31.01, lng: 121.0 } });
    const eastLegM = haversineMeters({ lat: 31.02, lng: 121.0 }, end);
    expect(estimate.remainingM).toBeCloseTo(METERS_PER_0_01_DEG_LAT + eastLegM, -1);
  });

  it('averages only the speeds of a moving truck', () => {
    expect(arrival({ recentSpeedsKmh: [40, 0, 50, 3] }).speedKmh).toBe(45);
    expect(arrival({ recentSpeedsKmh: [4, 5, 15] }).speedKmh).toBe(10);
  });

  it('gives a stopped truck the typical speed', () => {
    expect(arrival({ recentSpeedsKmh: [0, 2, 0] }).speedKmh).toBe(30);
    expect(arrival({ recentSpeedsKmh: [0], typicalSpeedKmh: 25 }).speedKmh).toBe(25);
  });

  it('gives a truck with no speeds the typical speed', () => {
    const estimate = arrival({ recentSpeedsKmh: [] });
    expect(estimate.speedKmh).toBe(30);
    expect(estimate.etaSeconds).toBeCloseTo(estimate.remainingM / (30 / 3.6), 6);
  });

  it.each<[string, Partial<ArrivalInput>]>([
    ['a position out of range', { position: { lat: 91, lng: 121 } }],
    ['a destination that is not a number', { destination: { lat: NaN, lng: 121 } }],
    ['a route of one position', { route: { type: 'LineString', coordinates: [[121, 31]] } }],
    ['a negative speed', { recentSpeedsKmh: [30, -1] }],
    ['an infinite speed', { recentSpeedsKmh: [Infinity] }],
    ['an invalid clock', { now: new Date('not a date') }],
    ['a negative off-route threshold', { offRouteThresholdM: -1 }],
    ['a typical speed of 0', { typicalSpeedKmh: 0 }],
    ['a moving threshold of 0', { minMovingSpeedKmh: 0 }],
    ['a detour factor below 1', { detourFactor: 0.9 }],
  ])('refuses %s', (_, overrides) => {
    expect(() => arrival(overrides)).toThrow(RangeError);
  });
});

describe(beatsDeadline.name, () => {
  const arrivesAt = new Date('2025-06-01T09:00:00Z');
  const deadline = new Date('2025-06-01T09:30:00Z');

  it('beats the deadline with time to spare after discharge', () => {
    expect(beatsDeadline(arrivesAt, deadline, 20)).toEqual({ beats: true, slackMinutes: 10 });
  });

  it('beats the deadline when discharge ends exactly on it', () => {
    expect(beatsDeadline(arrivesAt, deadline, 30)).toEqual({ beats: true, slackMinutes: 0 });
  });

  it('misses when discharge would run past the deadline', () => {
    expect(beatsDeadline(arrivesAt, deadline, 40)).toEqual({ beats: false, slackMinutes: -10 });
  });

  it('misses when the truck arrives after the deadline', () => {
    expect(beatsDeadline(new Date('2025-06-01T09:45:00Z'), deadline, 0)).toEqual({ beats: false, slackMinutes: -15 });
  });

  it('refuses invalid dates and negative discharge times', () => {
    expect(() => beatsDeadline(new Date(NaN), deadline, 10)).toThrow(RangeError);
    expect(() => beatsDeadline(arrivesAt, new Date(NaN), 10)).toThrow(RangeError);
    expect(() => beatsDeadline(arrivesAt, deadline, -1)).toThrow(RangeError);
  });
});
