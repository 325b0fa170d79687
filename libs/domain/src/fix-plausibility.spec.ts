import {
  DEFAULT_MAX_FIX_AHEAD_SECONDS,
  implausibleFixReasons,
  isFixTooFarAhead,
  MAX_PLAUSIBLE_SPEED_KMH,
} from './fix-plausibility';

const now = new Date('2025-06-01T08:00:00Z');
const fix = (overrides: Partial<Parameters<typeof implausibleFixReasons>[0]> = {}) => ({
  fixTime: now,
  lat: 31.9,
  lng: 118.8,
  speedKmh: 40,
  ...overrides,
});
const secondsFromNow = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('implausibleFixReasons', () => {
  it('finds nothing wrong with an ordinary fix', () => {
    expect(implausibleFixReasons(fix(), now)).toEqual([]);
    expect(implausibleFixReasons(fix({ speedKmh: null }), now)).toEqual([]);
  });

  describe('speed', () => {
    it.each([0, 90, MAX_PLAUSIBLE_SPEED_KMH])('accepts %p km/h', (speedKmh) => {
      expect(implausibleFixReasons(fix({ speedKmh }), now)).toEqual([]);
    });

    it.each([250.001, 300, 1e9])('refuses %p km/h as faster than any truck', (speedKmh) => {
      expect(implausibleFixReasons(fix({ speedKmh }), now)).toEqual([
        `speed: ${speedKmh} km/h is faster than any truck or pump drives (at most 250 km/h)`,
      ]);
    });
  });

  it.each([
    ['speedKmh', { speedKmh: Infinity }],
    ['speedKmh', { speedKmh: NaN }],
    ['lat', { lat: -Infinity }],
    ['altitudeM', { altitudeM: Infinity }],
    ['batteryPercent', { batteryPercent: NaN }],
  ])('refuses a non-finite %s', (name, overrides) => {
    const reasons = implausibleFixReasons(fix(overrides), now);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(new RegExp(`^${name}: must be a finite number`));
  });

  it('refuses coordinates out of range', () => {
    expect(implausibleFixReasons(fix({ lat: 90.5, lng: -181 }), now)).toEqual([
      'lat: must be between -90 and 90',
      'lng: must be between -180 and 180',
    ]);
  });

  describe('fix time', () => {
    it('accepts fixes from the past however old: a tracker may send its buffer late', () => {
      expect(implausibleFixReasons(fix({ fixTime: secondsFromNow(-3 * 86_400) }), now)).toEqual([]);
    });

    it('accepts a clock up to five minutes ahead, to the second', () => {
      expect(DEFAULT_MAX_FIX_AHEAD_SECONDS).toBe(300);
      expect(implausibleFixReasons(fix({ fixTime: secondsFromNow(300) }), now)).toEqual([]);
    });

    it('refuses a fix more than five minutes ahead, saying by how much', () => {
      expect(implausibleFixReasons(fix({ fixTime: secondsFromNow(301) }), now)).toEqual([
        "fix time: 2025-06-01T08:05:01.000Z is 301 s ahead of the server clock (at most 5 min is accepted); set the tracker's clock",
      ]);
      expect(implausibleFixReasons(fix({ fixTime: secondsFromNow(20 * 3600) }), now)[0]).toMatch(
        /is 20 h ahead of the server clock/,
      );
    });

    it('takes the allowance it is given', () => {
      expect(implausibleFixReasons(fix({ fixTime: secondsFromNow(301) }), now, 600)).toEqual([]);
      expect(implausibleFixReasons(fix({ fixTime: secondsFromNow(31) }), now, 30)[0]).toMatch(
        /is 31 s ahead .*at most 30 s is accepted/,
      );
    });

    it('refuses an invalid date', () => {
      expect(implausibleFixReasons(fix({ fixTime: new Date(NaN) }), now)).toEqual(['fix time: is not a valid time']);
    });

    it('isFixTooFarAhead draws the same line', () => {
      expect(isFixTooFarAhead(secondsFromNow(300), now)).toBe(false);
      expect(isFixTooFarAhead(secondsFromNow(300.001), now)).toBe(true);
    });
  });

  it('lists every reason at once', () => {
    expect(implausibleFixReasons(fix({ speedKmh: 300, fixTime: secondsFromNow(3600) }), now)).toHaveLength(2);
  });
});
