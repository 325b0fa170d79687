import type { PositionReport, TrackerEventReport } from '@pourline/contracts';
import { KMH_PER_KNOT, type ParseResult, asObject, fail, isAbsent, ok, readDeviceId, readTimestamp } from './fields';
import { type RawField, readPosition } from './position';

export interface TraccarForward {
  position: PositionReport | null;
  event: TrackerEventReport | null;
}

type Json = Record<string, unknown>;

/** Drops null/undefined so attributes do not fill up with Traccar's empty defaults. */
function compact(obj: Json): Json {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null));
}

/** An optional member that, when present, must be an object. */
function member(root: Json, key: string, errors: string[]): Json | undefined {
  const value = root[key];
  if (value === undefined || value === null) return undefined;
  const obj = asObject(value);
  if (!obj) errors.push(`${key}: must be an object`);
  return obj;
}

/** Pourline registers Traccar's `uniqueId` (the IMEI or the id typed into Traccar Client), not its row id. */
function deviceIdField(device: Json, position: Json | undefined, event: Json | undefined): RawField {
  if (!isAbsent(device.uniqueId)) return { name: 'device.uniqueId', value: device.uniqueId };
  if (position && !isAbsent(position.deviceId)) return { name: 'position.deviceId', value: position.deviceId };
  return { name: event ? 'event.deviceId' : 'device.uniqueId', value: event?.deviceId };
}

function readTraccarPosition(pos: Json, device: Json, id: RawField, now: Date): ParseResult<PositionReport> {
  const { batteryLevel, ...deviceAttributes } = asObject(pos.attributes) ?? {};
  const timeKey = isAbsent(pos.fixTime) && !isAbsent(pos.deviceTime) ? 'deviceTime' : 'fixTime';
  return readPosition(
    {
      deviceId: id,
      lat: { name: 'position.latitude', value: pos.latitude },
      lng: { name: 'position.longitude', value: pos.longitude },
      fixTime: { name: `position.${timeKey}`, value: pos[timeKey] },
      speed: { name: 'position.speed', value: pos.speed, kmhPerUnit: KMH_PER_KNOT },
      bearingDeg: { name: 'position.course', value: pos.course },
      altitudeM: { name: 'position.altitude', value: pos.altitude },
      // Traccar stores 0 when the device reported no accuracy; 0 m is never a real accuracy.
      accuracyM: { name: 'position.accuracy', value: pos.accuracy === 0 ? undefined : pos.accuracy },
      battery: { name: 'position.attributes.batteryLevel', value: batteryLevel, percentPerUnit: 1 },
      attributes: {
        ...deviceAttributes,
        traccar: compact({
          positionId: pos.id,
          deviceId: pos.deviceId,
          deviceName: device.name,
          protocol: pos.protocol,
          deviceTime: pos.deviceTime,
          serverTime: pos.serverTime,
          outdated: pos.outdated,
          address: pos.address,
          network: pos.network,
          geofenceIds: pos.geofenceIds,
        }),
      },
    },
    now,
  );
}

function readTraccarEvent(
  ev: Json,
  device: Json,
  geofence: Json | undefined,
  deviceId: string,
  now: Date,
  errors: string[],
): TrackerEventReport {
  const type = typeof ev.type === 'string' ? ev.type.trim() : '';
  if (!type) errors.push('event.type: is required (e.g. geofenceEnter, ignitionOn, alarm)');
  const name = geofence?.name;
  return {
    deviceId,
    type,
    at: readTimestamp('event.eventTime', ev.eventTime, now, errors),
    geofenceName: typeof name === 'string' && name.trim() ? name.trim() : null,
    attributes: {
      ...asObject(ev.attributes),
      traccar: compact({
        eventId: ev.id,
        deviceId: ev.deviceId,
        deviceName: device.name,
        positionId: ev.positionId,
        geofenceId: ev.geofenceId,
        maintenanceId: ev.maintenanceId,
      }),
    },
  };
}

/**
 * What a Traccar server forwards: position forwarding `{ position, device }` and event forwarding
 * `{ event, position?, device, geofence? }`. Speeds are knots (Traccar's model), battery is %.
 * A fix Traccar marks `valid: false` is refused on its own; attached to an event it becomes
 * `position: null` so the event (ignition, alarm…) is not lost with it.
 * Traccar's own fields (ids, deviceTime, serverTime, protocol, address…) go under `attributes.traccar`
 * so they cannot collide with the device's attributes.
 */
export function parseTraccarForward(body: unknown, now: Date): ParseResult<TraccarForward> {
  const root = asObject(body);
  if (!root) return fail(['body: must be a JSON object']);
  const errors: string[] = [];
  const device = member(root, 'device', errors) ?? {};
  const pos = member(root, 'position', errors);
  const ev = member(root, 'event', errors);
  const geofence = member(root, 'geofence', errors);
  if (errors.length) return fail(errors);
  if (!pos && !ev) return fail(['body: must contain a position or an event']);

  const idField = deviceIdField(device, pos, ev);
  const deviceId = readDeviceId(idField.name, idField.value, errors);

  let position: PositionReport | null = null;
  if (pos && pos.valid === false) {
    if (!ev) errors.push('position.valid: is false, Traccar marks this fix as invalid');
  } else if (pos) {
    const parsed = readTraccarPosition(pos, device, idField, now);
    if (parsed.ok) position = parsed.value;
    else errors.push(...parsed.errors);
  }
  const event = ev ? readTraccarEvent(ev, device, geofence, deviceId, now, errors) : null;
  // The device id is checked once here and again inside readPosition; report it once.
  return errors.length ? fail([...new Set(errors)]) : ok({ position, event });
}
