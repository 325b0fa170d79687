import type { PositionReport } from '@pourline/contracts';
import { KMH_PER_MPS, type ParseResult, asObject, fail } from './fields';
import { readPosition } from './position';

/**
 * The background-geolocation library behind Traccar Client reports -1 for "unknown" speed,
 * heading and battery level (iOS does the same for course and speed); that is not a negative value.
 */
const unknownAsAbsent = (value: unknown): unknown => (value === -1 ? undefined : value);

/** The object without the given keys, or undefined when nothing is left (so no empty `{}` attributes). */
function rest(obj: Record<string, unknown>, mapped: string[]): Record<string, unknown> | undefined {
  const left = Object.fromEntries(Object.entries(obj).filter(([key]) => !mapped.includes(key)));
  return Object.keys(left).length ? left : undefined;
}

/**
 * The JSON variant of OsmAnd that Traccar Client posts:
 * `{ device_id, location: { timestamp, coords: { latitude, longitude, speed (m/s), heading,
 * altitude, accuracy }, battery: { level (0..1), is_charging }, is_moving, odometer, activity, event, ... } }`.
 *
 * Attributes keep the sender's nesting, hoisted one level out of `location`: every key of
 * `location` except the mapped ones (`is_moving`, `odometer`, `activity: {...}`, `event`, `extras`…),
 * what is left of `coords` under `coords` (e.g. `coords.speed_accuracy`) and of `battery` under
 * `battery` (`battery.is_charging`), plus unknown top-level keys. Optional top-level `secret`.
 */
export function parseOsmAndJson(body: unknown, now: Date): ParseResult<PositionReport> {
  const root = asObject(body);
  if (!root) return fail(['body: must be a JSON object']);
  if (Array.isArray(root.location)) return fail(['location: must be one object (send one location per request)']);
  const location = asObject(root.location);
  if (!location) return fail(['location: is required and must be an object']);
  const coords = asObject(location.coords) ?? {};
  const battery = asObject(location.battery) ?? {};

  const attributes: Record<string, unknown> = {
    ...rest(root, ['device_id', 'location', 'secret']),
    ...rest(location, ['timestamp', 'coords', 'battery']),
  };
  const coordsLeft = rest(coords, ['latitude', 'longitude', 'speed', 'heading', 'altitude', 'accuracy']);
  if (coordsLeft) attributes.coords = coordsLeft;
  const batteryLeft = rest(battery, ['level']);
  if (batteryLeft) attributes.battery = batteryLeft;

  return readPosition(
    {
      deviceId: { name: 'device_id', value: root.device_id },
      lat: { name: 'location.coords.latitude', value: coords.latitude },
      lng: { name: 'location.coords.longitude', value: coords.longitude },
      fixTime: { name: 'location.timestamp', value: location.timestamp },
      speed: { name: 'location.coords.speed', value: unknownAsAbsent(coords.speed), kmhPerUnit: KMH_PER_MPS },
      bearingDeg: { name: 'location.coords.heading', value: unknownAsAbsent(coords.heading) },
      altitudeM: { name: 'location.coords.altitude', value: coords.altitude },
      accuracyM: { name: 'location.coords.accuracy', value: coords.accuracy },
      battery: { name: 'location.battery.level', value: unknownAsAbsent(battery.level), percentPerUnit: 100 },
      secret: { name: 'secret', value: root.secret },
      attributes,
    },
    now,
  );
}
