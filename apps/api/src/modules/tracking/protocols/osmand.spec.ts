import { coerceAttribute, parseOsmAnd } from './osmand';
import type { ParseResult } from './fields';

const now = new Date('2024-05-01T10:00:00Z');
const base = { id: 'trk-t01', lat: '32.0415', lon: '118.7781' };

function value<T>(r: ParseResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.errors.join('; ')}`);
  return r.value;
}
function errors<T>(r: ParseResult<T>): string[] {
  if (r.ok) throw new Error('expected a refusal');
  return r.errors;
}

describe('parseOsmAnd', () => {
  it('reads a full Traccar Client request', () => {
    const p = value(
      parseOsmAnd(
        {
          id: 'trk-t01',
          timestamp: '1714557600',
          lat: '32.0415',
          lon: '118.7781',
          speed: '10',
          bearing: '270.5',
          altitude: '12.3',
          accuracy: '4.5',
          hdop: '0.9',
          batt: '87',
          charge: 'true',
        },
        now,
      ),
    );
    expect(p).toEqual({
      deviceId: 'trk-t01',
      fixTime: new Date('2024-05-01T10:00:00Z'),
      lat: 32.0415,
      lng: 118.7781,
      speedKmh: 18.52,
      bearingDeg: 270.5,
      altitudeM: 12.3,
      accuracyM: 4.5,
      batteryPercent: 87,
      attributes: { hdop: 0.9, charge: true },
    });
  });

  it('converts knots to km/h', () => {
    expect(value(parseOsmAnd({ ...base, speed: '10' }, now)).speedKmh).toBe(18.52);
    expect(value(parseOsmAnd({ ...base, speed: '0' }, now)).speedKmh).toBe(0);
    expect(value(parseOsmAnd({ ...base, speed: '27.5' }, now)).speedKmh).toBeCloseTo(50.93, 3);
  });

  it('takes the device id from id or deviceid', () => {
    expect(value(parseOsmAnd({ ...base, id: undefined, deviceid: '860123456789012' }, now)).deviceId).toBe(
      '860123456789012',
    );
    expect(value(parseOsmAnd({ ...base, deviceid: 'other' }, now)).deviceId).toBe('trk-t01');
    expect(value(parseOsmAnd({ ...base, id: '', deviceid: 'other' }, now)).deviceId).toBe('other');
  });

  it('reads location=lat,lon', () => {
    const p = value(parseOsmAnd({ id: 'trk-t01', location: '32.0415,118.7781' }, now));
    expect([p.lat, p.lng]).toEqual([32.0415, 118.7781]);
  });

  it('prefers lat and lon over location', () => {
    const p = value(parseOsmAnd({ ...base, location: '1,2' }, now));
    expect([p.lat, p.lng]).toEqual([32.0415, 118.7781]);
  });

  it('reads bearing, or heading when bearing is missing', () => {
    expect(value(parseOsmAnd({ ...base, heading: '90' }, now)).bearingDeg).toBe(90);
    expect(value(parseOsmAnd({ ...base, bearing: '45', heading: '90' }, now)).bearingDeg).toBe(45);
  });

  it.each([
    ['Unix seconds', '1714557600', '2024-05-01T10:00:00Z'],
    ['Unix milliseconds', '1714557600123', '2024-05-01T10:00:00.123Z'],
    ['ISO 8601', '2024-05-01T17:30:00+08:00', '2024-05-01T09:30:00Z'],
    ['yyyy-MM-dd HH:mm:ss as UTC', '2024-05-01 09:30:00', '2024-05-01T09:30:00Z'],
  ])('reads timestamp as %s', (_form, timestamp, expected) => {
    expect(value(parseOsmAnd({ ...base, timestamp }, now)).fixTime).toEqual(new Date(expected));
  });

  it('uses now when the timestamp is missing', () => {
    expect(value(parseOsmAnd(base, now)).fixTime).toEqual(now);
  });

  it('takes the secret from secret or key and keeps it out of attributes', () => {
    const s = value(parseOsmAnd({ ...base, secret: 's3cret' }, now));
    expect(s.secret).toBe('s3cret');
    expect(s.attributes).toEqual({});
    expect(value(parseOsmAnd({ ...base, key: 'k3y' }, now)).secret).toBe('k3y');
    expect(value(parseOsmAnd(base, now)).secret).toBeUndefined();
  });

  it('keeps every other key as an attribute, typed', () => {
    const p = value(
      parseOsmAnd(
        {
          ...base,
          ignition: 'false',
          motion: 'true',
          fuel: '43.5',
          temp: '-4',
          driverUniqueId: 'D-17',
          iccid: '89860012345678901234',
          code: '007',
        },
        now,
      ),
    );
    expect(p.attributes).toEqual({
      ignition: false,
      motion: true,
      fuel: 43.5,
      temp: -4,
      driverUniqueId: 'D-17',
      iccid: '89860012345678901234',
      code: '007',
    });
  });

  it('takes the first value of a repeated key', () => {
    const p = value(
      parseOsmAnd(
        { id: ['trk-t01', 'trk-t02'], lat: ['32.0415', '1'], lon: ['118.7781'], speed: ['10', '20'], tag: ['a', 'b'] },
        now,
      ),
    );
    expect(p).toMatchObject({
      deviceId: 'trk-t01',
      lat: 32.0415,
      lng: 118.7781,
      speedKmh: 18.52,
      attributes: { tag: 'a' },
    });
  });

  it('treats nested query objects (qs `a[b]=1`) as absent instead of crashing', () => {
    const fields = { ...base, location: { x: '1' }, extra: { y: '2' } } as unknown as Record<string, string>;
    expect(value(parseOsmAnd(fields, now)).attributes).toEqual({});
    const noLat = { id: 'trk-t01', lat: { a: '1' }, lon: '118' } as unknown as Record<string, string>;
    expect(errors(parseOsmAnd(noLat, now))).toEqual(['lat: is required']);
  });

  it.each<[string, Record<string, string | undefined>, string[]]>([
    ['missing device id', { id: undefined }, ['id: is required']],
    ['missing lat', { lat: undefined }, ['lat: is required']],
    ['missing lon', { lon: undefined }, ['lon: is required']],
    ['non-numeric lat', { lat: 'north' }, ['lat: must be a number between -90 and 90']],
    ['lat out of range', { lat: '90.5' }, ['lat: must be a number between -90 and 90']],
    ['lon out of range', { lon: '-180.1' }, ['lon: must be a number between -180 and 180']],
    ['0,0 (no fix)', { lat: '0', lon: '0.0' }, ['lat, lon: 0,0 means the tracker has no fix']],
    [
      'unparseable timestamp',
      { timestamp: 'now' },
      ['timestamp: must be Unix seconds or milliseconds, ISO 8601 or yyyy-MM-dd HH:mm:ss'],
    ],
    [
      'timestamp over 24 h ahead',
      { timestamp: '2024-05-02 10:00:01' },
      ['timestamp: is more than 24 h ahead of the server clock'],
    ],
    ['negative speed', { speed: '-1' }, ['speed: must be a number >= 0']],
    ['bearing over 360', { bearing: '361' }, ['bearing: must be a number between 0 and 360']],
    ['negative heading', { heading: '-5' }, ['heading: must be a number between 0 and 360']],
    ['battery over 100', { batt: '101' }, ['batt: must be a number between 0 and 100']],
    ['negative battery', { batt: '-1' }, ['batt: must be a number between 0 and 100']],
    ['negative accuracy', { accuracy: '-3' }, ['accuracy: must be a number >= 0']],
    ['non-numeric altitude', { altitude: 'high' }, ['altitude: must be a number']],
    ['non-numeric hdop', { hdop: 'good' }, ['hdop: must be a number >= 0']],
    ['an overflowing speed', { speed: '1e999' }, ['speed: must be a number >= 0']],
    ['an overflowing altitude', { altitude: '-1e400' }, ['altitude: must be a number']],
    ['a NUL in a text field', { driver: 'Li\u0000Wei' }, ['attributes.driver: contains a NUL character']],
    ['a lone surrogate', { note: 'ok\uD83D' }, ['attributes.note: contains an unpaired UTF-16 surrogate']],
    ['a NUL in a field name', { 'a\u0000b': '1' }, ['attributes."a\\u0000b": its name contains a NUL character']],
    ['a NUL in the secret', { secret: 's\u0000' }, ['secret: contains a NUL character']],
  ])('refuses %s', (_case, patch, expected) => {
    expect(errors(parseOsmAnd({ ...base, ...patch }, now))).toEqual(expected);
  });

  it('names the location field when location is malformed', () => {
    expect(errors(parseOsmAnd({ id: 'trk-t01', location: '32.04' }, now))).toEqual([
      'location (longitude): is required',
    ]);
    expect(errors(parseOsmAnd({ id: 'trk-t01', location: 'x,118' }, now))).toEqual([
      'location (latitude): must be a number between -90 and 90',
    ]);
    expect(errors(parseOsmAnd({ id: 'trk-t01', location: '1,2,3' }, now))).toEqual(['location: must be "lat,lon"']);
  });

  it('keeps a whole surrogate pair (an emoji) as it came', () => {
    expect(value(parseOsmAnd({ ...base, note: 'full 🚚' }, now)).attributes).toEqual({ note: 'full 🚚' });
  });

  it('reports every problem in one answer', () => {
    expect(errors(parseOsmAnd({ lat: '100', lon: '118', speed: '-2' }, now))).toEqual([
      'id: is required',
      'lat: must be a number between -90 and 90',
      'speed: must be a number >= 0',
    ]);
  });
});

describe('coerceAttribute', () => {
  it.each<[string, unknown]>([
    ['true', true],
    ['false', false],
    ['TRUE', 'TRUE'],
    ['12', 12],
    ['-0.5', -0.5],
    ['0', 0],
    ['007', '007'],
    ['1e3', '1e3'],
    ['9007199254740993', '9007199254740993'],
    ['', ''],
    ['abc', 'abc'],
    [`1${'0'.repeat(400)}.5`, `1${'0'.repeat(400)}.5`],
  ])('%p -> %p', (raw, expected) => expect(coerceAttribute(raw)).toBe(expected));
});
