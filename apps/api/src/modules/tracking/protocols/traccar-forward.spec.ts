import { parseTraccarForward } from './traccar-forward';
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

const device = { id: 7, name: 'T01 苏A·12345', uniqueId: 'trk-t01', status: 'online', attributes: {} };

function position(patch: Record<string, unknown> = {}) {
  return {
    id: 5501,
    deviceId: 7,
    protocol: 'osmand',
    serverTime: '2024-05-01T09:59:31.000+00:00',
    deviceTime: '2024-05-01T09:59:30.000+00:00',
    fixTime: '2024-05-01T09:59:30.000+00:00',
    outdated: false,
    valid: true,
    latitude: 32.0415,
    longitude: 118.7781,
    altitude: 15,
    speed: 10,
    course: 90,
    address: null,
    accuracy: 5,
    network: null,
    geofenceIds: [3],
    attributes: { batteryLevel: 80, ignition: true, motion: true, distance: 12.5, totalDistance: 100234.5 },
    ...patch,
  };
}

describe('parseTraccarForward: position forwarding', () => {
  it('reads a forwarded position', () => {
    expect(value(parseTraccarForward({ position: position(), device }, now))).toEqual({
      event: null,
      position: {
        deviceId: 'trk-t01',
        fixTime: new Date('2024-05-01T09:59:30Z'),
        lat: 32.0415,
        lng: 118.7781,
        speedKmh: 18.52,
        bearingDeg: 90,
        altitudeM: 15,
        accuracyM: 5,
        batteryPercent: 80,
        attributes: {
          ignition: true,
          motion: true,
          distance: 12.5,
          totalDistance: 100234.5,
          traccar: {
            positionId: 5501,
            deviceId: 7,
            deviceName: 'T01 苏A·12345',
            protocol: 'osmand',
            deviceTime: '2024-05-01T09:59:30.000+00:00',
            serverTime: '2024-05-01T09:59:31.000+00:00',
            outdated: false,
            geofenceIds: [3],
          },
        },
      },
    });
  });

  it('converts knots to km/h', () => {
    expect(value(parseTraccarForward({ position: position({ speed: 10 }), device }, now)).position?.speedKmh).toBe(
      18.52,
    );
  });

  it("falls back to Traccar's numeric deviceId when uniqueId is missing", () => {
    const r = value(parseTraccarForward({ position: position(), device: { id: 7, name: 'T01' } }, now));
    expect(r.position?.deviceId).toBe('7');
    expect(value(parseTraccarForward({ position: position() }, now)).position?.deviceId).toBe('7');
  });

  it('reads accuracy 0 as unknown (Traccar fills 0 when the device sent none)', () => {
    expect(
      value(parseTraccarForward({ position: position({ accuracy: 0 }), device }, now)).position?.accuracyM,
    ).toBeNull();
  });

  it('uses deviceTime when fixTime is missing, and now when both are', () => {
    expect(
      value(parseTraccarForward({ position: position({ fixTime: undefined }), device }, now)).position?.fixTime,
    ).toEqual(new Date('2024-05-01T09:59:30Z'));
    expect(
      value(parseTraccarForward({ position: position({ fixTime: undefined, deviceTime: undefined }), device }, now))
        .position?.fixTime,
    ).toEqual(now);
  });

  it('refuses a fix Traccar marks invalid', () => {
    expect(errors(parseTraccarForward({ position: position({ valid: false }), device }, now))).toEqual([
      'position.valid: is false, Traccar marks this fix as invalid',
    ]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['latitude out of range', { latitude: 95 }, ['position.latitude: must be a number between -90 and 90']],
    ['missing longitude', { longitude: undefined }, ['position.longitude: is required']],
    [
      '0,0 (no fix)',
      { latitude: 0, longitude: 0 },
      ['position.latitude, position.longitude: 0,0 means the tracker has no fix'],
    ],
    ['negative speed', { speed: -1 }, ['position.speed: must be a number >= 0']],
    ['course over 360', { course: 361 }, ['position.course: must be a number between 0 and 360']],
    [
      'battery over 100',
      { attributes: { batteryLevel: 120 } },
      ['position.attributes.batteryLevel: must be a number between 0 and 100'],
    ],
    [
      'unparseable fixTime',
      { fixTime: 'later' },
      ['position.fixTime: must be Unix seconds or milliseconds, ISO 8601 or yyyy-MM-dd HH:mm:ss'],
    ],
    [
      'fixTime over 24 h ahead',
      { fixTime: '2024-05-02T10:00:01Z' },
      ['position.fixTime: is more than 24 h ahead of the server clock'],
    ],
  ])('refuses %s', (_case, patch, expected) => {
    expect(errors(parseTraccarForward({ position: position(patch), device }, now))).toEqual(expected);
  });

  it('refuses an invalid device id once, not once per place it is checked', () => {
    expect(
      errors(parseTraccarForward({ position: position(), device: { ...device, uniqueId: 'truck 1' } }, now)),
    ).toEqual(['device.uniqueId: must be 1 to 64 letters, digits or . _ : -']);
  });
});

describe('parseTraccarForward: event forwarding', () => {
  const event = {
    id: 901,
    type: 'geofenceEnter',
    eventTime: '2024-05-01T09:59:30.000+00:00',
    deviceId: 7,
    positionId: 5501,
    geofenceId: 3,
    maintenanceId: 0,
    attributes: {},
  };
  const geofence = { id: 3, name: 'Jiangning Plant', area: 'CIRCLE (32.04 118.77, 150)' };

  it('reads a geofence event with its position', () => {
    const r = value(parseTraccarForward({ event, position: position(), device, geofence }, now));
    expect(r.event).toEqual({
      deviceId: 'trk-t01',
      type: 'geofenceEnter',
      at: new Date('2024-05-01T09:59:30Z'),
      geofenceName: 'Jiangning Plant',
      attributes: {
        traccar: {
          eventId: 901,
          deviceId: 7,
          deviceName: 'T01 苏A·12345',
          positionId: 5501,
          geofenceId: 3,
          maintenanceId: 0,
        },
      },
    });
    expect(r.position).toMatchObject({ deviceId: 'trk-t01', lat: 32.0415, speedKmh: 18.52 });
  });

  it('reads an event without a position or geofence, keeping its attributes', () => {
    const r = value(
      parseTraccarForward(
        { event: { ...event, type: 'alarm', geofenceId: 0, attributes: { alarm: 'sos' } }, device },
        now,
      ),
    );
    expect(r.position).toBeNull();
    expect(r.event).toMatchObject({ type: 'alarm', geofenceName: null, attributes: { alarm: 'sos' } });
  });

  it('keeps the event and drops an attached fix Traccar marks invalid', () => {
    const r = value(
      parseTraccarForward(
        { event: { ...event, type: 'ignitionOn' }, position: position({ valid: false }), device },
        now,
      ),
    );
    expect(r.position).toBeNull();
    expect(r.event?.type).toBe('ignitionOn');
  });

  it("falls back to the event's deviceId and to now for a missing eventTime", () => {
    const r = value(parseTraccarForward({ event: { ...event, eventTime: undefined } }, now));
    expect(r.event).toMatchObject({ deviceId: '7', at: now });
  });

  it.each<[string, unknown, string[]]>([
    [
      'a missing type',
      { event: { ...event, type: '' }, device },
      ['event.type: is required (e.g. geofenceEnter, ignitionOn, alarm)'],
    ],
    [
      'an unparseable eventTime',
      { event: { ...event, eventTime: 'x' }, device },
      ['event.eventTime: must be Unix seconds or milliseconds, ISO 8601 or yyyy-MM-dd HH:mm:ss'],
    ],
    [
      'a malformed attached position',
      { event, position: position({ latitude: 'n' }), device },
      ['position.latitude: must be a number between -90 and 90'],
    ],
    ['no device id anywhere', { event: { ...event, deviceId: undefined } }, ['event.deviceId: is required']],
  ])('refuses %s', (_case, input, expected) => {
    expect(errors(parseTraccarForward(input, now))).toEqual(expected);
  });
});

describe('parseTraccarForward: envelope', () => {
  it.each<[string, unknown, string[]]>([
    ['a non-object body', 'x', ['body: must be a JSON object']],
    ['neither position nor event', { device }, ['body: must contain a position or an event']],
    ['a non-object position', { position: [1], device }, ['position: must be an object']],
    ['a non-object event', { event: 'geofenceEnter', device }, ['event: must be an object']],
  ])('refuses %s', (_case, input, expected) => {
    expect(errors(parseTraccarForward(input, now))).toEqual(expected);
  });
});
