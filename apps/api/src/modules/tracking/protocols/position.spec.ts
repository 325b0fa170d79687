import type { ParseResult } from './fields';
import { readPosition } from './position';

const now = new Date('2024-05-01T10:00:00Z');

describe('readPosition', () => {
  const base = {
    deviceId: { name: 'id', value: 'trk-1' },
    lat: { name: 'lat', value: '32.05' },
    lng: { name: 'lon', value: '118.79' },
    fixTime: { name: 'timestamp', value: undefined },
    attributes: {},
  };
  const errorsOf = (r: ParseResult<unknown>) => (r.ok ? [] : r.errors);

  it('fills optional fields with null and the fix time with now', () => {
    expect(readPosition(base, now)).toEqual({
      ok: true,
      value: {
        deviceId: 'trk-1',
        fixTime: now,
        lat: 32.05,
        lng: 118.79,
        speedKmh: null,
        bearingDeg: null,
        altitudeM: null,
        accuracyM: null,
        batteryPercent: null,
        attributes: {},
      },
    });
  });

  it('refuses 0,0 and collects every error at once', () => {
    expect(
      errorsOf(readPosition({ ...base, lat: { name: 'lat', value: '0' }, lng: { name: 'lon', value: 0 } }, now)),
    ).toEqual(['lat, lon: 0,0 means the tracker has no fix']);
    expect(
      errorsOf(readPosition({ ...base, deviceId: { name: 'id', value: '' }, lat: { name: 'lat', value: 'x' } }, now)),
    ).toEqual(['id: is required', 'lat: must be a number between -90 and 90']);
  });

  it('allows a zero on one axis (the equator and the prime meridian exist)', () => {
    expect(readPosition({ ...base, lat: { name: 'lat', value: 0 } }, now).ok).toBe(true);
  });

  it('sets secret only when one was sent', () => {
    const r = readPosition({ ...base, secret: { name: 'secret', value: ' s3 ' } }, now);
    expect(r.ok && r.value.secret).toBe('s3');
    const none = readPosition({ ...base, secret: { name: 'secret', value: '' } }, now);
    expect(none.ok && 'secret' in none.value).toBe(false);
  });
});
