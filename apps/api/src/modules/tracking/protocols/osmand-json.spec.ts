import { parseOsmAndJson } from './osmand-json';
import type { ParseResult } from './fields';

const now = new Date('2024-05-01T10:00:00Z');

function value<T>(r: ParseResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.errors.join('; ')}`);
  return r.value;
}
function errors<T>(r: ParseResult<T>): string[] {
  if (r.ok) throw new Error('expected a refusal');
  return r.errors;
}

/** What Traccar Client 9 posts, with the coords and battery overridable per test. */
function body(
  coords: Record<string, unknown> = {},
  location: Record<string, unknown> = {},
  top: Record<string, unknown> = {},
) {
  return {
    device_id: 'trk-t01',
    location: {
      timestamp: '2024-05-01T09:59:30.000Z',
      coords: {
        latitude: 32.0415,
        longitude: 118.7781,
        speed: 5,
        heading: 180,
        altitude: 15.2,
        accuracy: 6,
        ...coords,
      },
      battery: { level: 0.57, is_charging: false },
      is_moving: true,
      odometer: 1234.5,
      activity: { type: 'in_vehicle', confidence: 100 },
      event: 'motionchange',
      ...location,
    },
    ...top,
  };
}

describe('parseOsmAndJson', () => {
  it('reads a Traccar Client JSON position', () => {
    expect(value(parseOsmAndJson(body(), now))).toEqual({
      deviceId: 'trk-t01',
      fixTime: new Date('2024-05-01T09:59:30Z'),
      lat: 32.0415,
      lng: 118.7781,
      speedKmh: 18,
      bearingDeg: 180,
      altitudeM: 15.2,
      accuracyM: 6,
      batteryPercent: 57,
      attributes: {
        battery: { is_charging: false },
        is_moving: true,
        odometer: 1234.5,
        activity: { type: 'in_vehicle', confidence: 100 },
        event: 'motionchange',
      },
    });
  });

  it('converts m/s to km/h', () => {
    expect(value(parseOsmAndJson(body({ speed: 5 }), now)).speedKmh).toBe(18);
    expect(value(parseOsmAndJson(body({ speed: 13.9 }), now)).speedKmh).toBeCloseTo(50.04, 3);
  });

  it('converts battery level 0..1 to percent', () => {
    expect(value(parseOsmAndJson(body({}, { battery: { level: 1 } }), now)).batteryPercent).toBe(100);
    expect(value(parseOsmAndJson(body({}, { battery: { level: 0 } }), now)).batteryPercent).toBe(0);
  });

  it('reads -1 speed, heading and battery level as unknown, as the geolocation library means them', () => {
    const p = value(
      parseOsmAndJson(body({ speed: -1, heading: -1 }, { battery: { level: -1, is_charging: true } }), now),
    );
    expect([p.speedKmh, p.bearingDeg, p.batteryPercent]).toEqual([null, null, null]);
  });

  it.each([
    ['ISO 8601', '2024-05-01T09:59:30.000Z', '2024-05-01T09:59:30Z'],
    ['milliseconds', 1714557570000, '2024-05-01T09:59:30Z'],
    ['milliseconds as a string', '1714557570000', '2024-05-01T09:59:30Z'],
  ])('reads timestamp as %s', (_form, timestamp, expected) => {
    expect(value(parseOsmAndJson(body({}, { timestamp }), now)).fixTime).toEqual(new Date(expected));
  });

  it('uses now when the timestamp is missing', () => {
    expect(value(parseOsmAndJson(body({}, { timestamp: undefined }), now)).fixTime).toEqual(now);
  });

  it('keeps unmapped coords, location and top-level keys in attributes, nested as sent', () => {
    const p = value(
      parseOsmAndJson(
        body(
          { speed_accuracy: 0.5, ellipsoidal_altitude: 20 },
          { uuid: 'u-1', extras: { load: 'L-9' } },
          { app: 'traccar' },
        ),
        now,
      ),
    );
    expect(p.attributes).toMatchObject({
      app: 'traccar',
      uuid: 'u-1',
      extras: { load: 'L-9' },
      coords: { speed_accuracy: 0.5, ellipsoidal_altitude: 20 },
    });
    expect(p.attributes).not.toHaveProperty('device_id');
    expect(p.attributes).not.toHaveProperty('timestamp');
  });

  it('takes an optional top-level secret and keeps it out of attributes', () => {
    const p = value(parseOsmAndJson(body({}, {}, { secret: 's3' }), now));
    expect(p.secret).toBe('s3');
    expect(p.attributes).not.toHaveProperty('secret');
  });

  it('accepts a numeric device_id', () => {
    expect(value(parseOsmAndJson({ ...body(), device_id: 860123456789012 }, now)).deviceId).toBe('860123456789012');
  });

  it.each<[string, unknown, string[]]>([
    ['a non-object body', 'lat=1', ['body: must be a JSON object']],
    ['an array body', [body()], ['body: must be a JSON object']],
    ['missing location', { device_id: 'trk-t01' }, ['location: is required and must be an object']],
    [
      'a location array',
      { device_id: 'trk-t01', location: [] },
      ['location: must be one object (send one location per request)'],
    ],
    ['missing device_id', { ...body(), device_id: undefined }, ['device_id: is required']],
    [
      'missing coords',
      body({}, { coords: undefined }),
      ['location.coords.latitude: is required', 'location.coords.longitude: is required'],
    ],
    [
      'latitude out of range',
      body({ latitude: -91 }),
      ['location.coords.latitude: must be a number between -90 and 90'],
    ],
    [
      'longitude not a number',
      body({ longitude: 'east' }),
      ['location.coords.longitude: must be a number between -180 and 180'],
    ],
    [
      '0,0 (no fix)',
      body({ latitude: 0, longitude: 0 }),
      ['location.coords.latitude, location.coords.longitude: 0,0 means the tracker has no fix'],
    ],
    ['negative speed other than -1', body({ speed: -2 }), ['location.coords.speed: must be a number >= 0']],
    ['heading over 360', body({ heading: 400 }), ['location.coords.heading: must be a number between 0 and 360']],
    [
      'battery level over 1',
      body({}, { battery: { level: 57 } }),
      ['location.battery.level: must be a number between 0 and 1'],
    ],
    [
      'unparseable timestamp',
      body({}, { timestamp: 'soon' }),
      ['location.timestamp: must be Unix seconds or milliseconds, ISO 8601 or yyyy-MM-dd HH:mm:ss'],
    ],
    [
      'timestamp over 24 h ahead',
      body({}, { timestamp: '2024-05-03T00:00:00Z' }),
      ['location.timestamp: is more than 24 h ahead of the server clock'],
    ],
  ])('refuses %s', (_case, input, expected) => {
    expect(errors(parseOsmAndJson(input, now))).toEqual(expected);
  });
});
