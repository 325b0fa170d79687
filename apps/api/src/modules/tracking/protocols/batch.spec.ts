import { parseBatch } from './batch';
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

const item = (patch: Record<string, unknown> = {}) => ({
  deviceId: 'trk-t01',
  lat: 32.0415,
  lng: 118.7781,
  timestamp: '2024-05-01T09:59:30Z',
  ...patch,
});

describe('parseBatch', () => {
  it('reads every field of an item, in Pourline units', () => {
    const { items } = value(
      parseBatch(
        {
          positions: [
            item({
              speedKmh: 42.5,
              bearingDeg: 359,
              altitudeM: -3,
              accuracyM: 8,
              batteryPercent: 64,
              secret: 's3',
              attributes: { ignition: true },
            }),
          ],
        },
        now,
      ),
    );
    expect(items).toEqual([
      {
        index: 0,
        ok: true,
        value: {
          deviceId: 'trk-t01',
          fixTime: new Date('2024-05-01T09:59:30Z'),
          lat: 32.0415,
          lng: 118.7781,
          speedKmh: 42.5,
          bearingDeg: 359,
          altitudeM: -3,
          accuracyM: 8,
          batteryPercent: 64,
          secret: 's3',
          attributes: { ignition: true },
        },
      },
    ]);
  });

  it('reads timestamps as ISO or milliseconds', () => {
    const { items } = value(parseBatch({ positions: [item(), item({ timestamp: 1714557570000 })] }, now));
    expect(items.map((i) => i.ok && i.value.fixTime.toISOString())).toEqual([
      '2024-05-01T09:59:30.000Z',
      '2024-05-01T09:59:30.000Z',
    ]);
  });

  it('judges items one by one and keeps their index', () => {
    const { items } = value(
      parseBatch({ positions: [item(), item({ lat: 91 }), 'junk', item({ deviceId: 'trk-t02' })] }, now),
    );
    expect(items).toEqual([
      expect.objectContaining({ index: 0, ok: true }),
      { index: 1, ok: false, errors: ['lat: must be a number between -90 and 90'] },
      { index: 2, ok: false, errors: ['position: must be an object'] },
      expect.objectContaining({ index: 3, ok: true, value: expect.objectContaining({ deviceId: 'trk-t02' }) }),
    ]);
  });

  it('keeps unknown item keys as attributes, explicit attributes winning', () => {
    const { items } = value(
      parseBatch({ positions: [item({ hdop: 1.1, source: 'gw', attributes: { source: 'device' } })] }, now),
    );
    expect(items[0].ok && items[0].value.attributes).toEqual({ hdop: 1.1, source: 'device' });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['missing deviceId', { deviceId: undefined }, ['deviceId: is required']],
    ['missing lat', { lat: undefined }, ['lat: is required']],
    ['lng out of range', { lng: 181 }, ['lng: must be a number between -180 and 180']],
    ['0,0 (no fix)', { lat: 0, lng: 0 }, ['lat, lng: 0,0 means the tracker has no fix']],
    ['missing timestamp (a replayed buffer must say when)', { timestamp: undefined }, ['timestamp: is required']],
    [
      'unparseable timestamp',
      { timestamp: 'today' },
      ['timestamp: must be Unix seconds or milliseconds, ISO 8601 or yyyy-MM-dd HH:mm:ss'],
    ],
    [
      'timestamp over 24 h ahead',
      { timestamp: '2024-05-03T00:00:00Z' },
      ['timestamp: is more than 24 h ahead of the server clock'],
    ],
    ['negative speedKmh', { speedKmh: -0.1 }, ['speedKmh: must be a number >= 0']],
    ['bearingDeg over 360', { bearingDeg: 360.5 }, ['bearingDeg: must be a number between 0 and 360']],
    ['batteryPercent over 100', { batteryPercent: 100.5 }, ['batteryPercent: must be a number between 0 and 100']],
    ['negative accuracyM', { accuracyM: -1 }, ['accuracyM: must be a number >= 0']],
    ['attributes not an object', { attributes: ['a'] }, ['attributes: must be an object']],
  ])('refuses an item with %s', (_case, patch, expected) => {
    const { items } = value(parseBatch({ positions: [item(patch)] }, now));
    expect(items[0]).toEqual({ index: 0, ok: false, errors: expected });
  });

  it.each<[string, unknown, string[]]>([
    ['a non-object body', [item()], ['body: must be a JSON object']],
    ['null', null, ['body: must be a JSON object']],
    ['no positions array', { positions: item() }, ['positions: must be an array']],
    ['an empty array', { positions: [] }, ['positions: must not be empty']],
  ])('refuses the envelope: %s', (_case, input, expected) => {
    expect(errors(parseBatch(input, now))).toEqual(expected);
  });

  it('refuses more than maxItems as a whole, and accepts exactly maxItems', () => {
    expect(errors(parseBatch({ positions: [item(), item(), item()] }, now, 2))).toEqual([
      'positions: at most 2 per request, got 3',
    ]);
    expect(value(parseBatch({ positions: [item(), item()] }, now, 2)).items).toHaveLength(2);
    expect(errors(parseBatch({ positions: Array.from({ length: 1001 }, () => item()) }, now))).toEqual([
      'positions: at most 1000 per request, got 1001',
    ]);
  });
});
