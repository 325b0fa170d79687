import type { PositionReport } from '@pourline/contracts';
import { type ParseResult, asObject, fail, ok } from './fields';
import { readPosition } from './position';

export type BatchItem = { index: number } & ParseResult<PositionReport>;

const MAPPED = [
  'deviceId',
  'lat',
  'lng',
  'timestamp',
  'speedKmh',
  'bearingDeg',
  'altitudeM',
  'accuracyM',
  'batteryPercent',
  'attributes',
  'secret',
];

/** One gateway item in Pourline's own units; errors name the item's own keys (the index says which item). */
function readItem(raw: unknown, now: Date): ParseResult<PositionReport> {
  const item = asObject(raw);
  if (!item) return fail(['position: must be an object']);
  const attributes = asObject(item.attributes);
  if (item.attributes !== undefined && item.attributes !== null && !attributes)
    return fail(['attributes: must be an object']);
  // Keys the format does not name are kept rather than dropped; explicit `attributes` win on a clash.
  const extra = Object.fromEntries(Object.entries(item).filter(([key]) => !MAPPED.includes(key)));
  return readPosition(
    {
      deviceId: { name: 'deviceId', value: item.deviceId },
      lat: { name: 'lat', value: item.lat },
      lng: { name: 'lng', value: item.lng },
      // A batch is usually a buffer replayed later, so "now" would put every fix at the same wrong time.
      fixTime: { name: 'timestamp', value: item.timestamp, required: true },
      speed: { name: 'speedKmh', value: item.speedKmh, kmhPerUnit: 1 },
      bearingDeg: { name: 'bearingDeg', value: item.bearingDeg },
      altitudeM: { name: 'altitudeM', value: item.altitudeM },
      accuracyM: { name: 'accuracyM', value: item.accuracyM },
      battery: { name: 'batteryPercent', value: item.batteryPercent, percentPerUnit: 1 },
      secret: { name: 'secret', value: item.secret },
      attributes: { ...extra, ...attributes },
    },
    now,
  );
}

/**
 * Many positions in one request: `{ positions: [{ deviceId, lat, lng, timestamp, speedKmh?, bearingDeg?,
 * altitudeM?, accuracyM?, batteryPercent?, attributes?, secret? }] }`. The envelope is all or nothing;
 * items are judged one by one so one bad fix does not cost the gateway the other 999.
 */
export function parseBatch(body: unknown, now: Date, maxItems = 1000): ParseResult<{ items: BatchItem[] }> {
  const root = asObject(body);
  if (!root) return fail(['body: must be a JSON object']);
  const positions = root.positions;
  if (!Array.isArray(positions)) return fail(['positions: must be an array']);
  if (positions.length === 0) return fail(['positions: must not be empty']);
  if (positions.length > maxItems) return fail([`positions: at most ${maxItems} per request, got ${positions.length}`]);
  return ok({ items: positions.map((raw, index) => ({ index, ...readItem(raw, now) })) });
}
