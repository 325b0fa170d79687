import type { LatestPositionDto } from './tracking';

/**
 * Live positions as the server pushes them: one fixed-size binary record per
 * vehicle instead of a JSON object, so ten thousand trucks a second cost a
 * console a few hundred kilobytes and no parsing. The records travel as base64
 * text in the frame, so that a frame is one WebSocket message: a binary
 * attachment would make it two, and double the server's work per console. A vehicle's name (type,
 * label, tracker) rides along only when a room first hears of it, when it
 * changes, and now and then again; the snapshot sent on connecting names the
 * rest.
 *
 * A record, little-endian:
 *   0  16 bytes  entity id (a UUID's bytes)
 *  16  float64   lat
 *  24  float64   lng
 *  32  float64   fix time, ms since 1970
 *  40  float64   position number
 *  48  float64   speed km/h (NaN: none)
 *  56  float64   bearing degrees (NaN: none)
 */
export const PACKED_POSITION_BYTES = 64;

/** [entity id, entity type, label, tracker device id] */
export type PackedName = [
  entityId: string,
  entityType: LatestPositionDto['entityType'],
  label: string,
  deviceId: string,
];

export interface PackedPositionsFrame {
  /** The highest position number in the frame; send it back as lastPositionSeq. */
  positionSeq: number;
  names: PackedName[];
  /** PACKED_POSITION_BYTES per position, in base64 (see packedData and packedBytes). */
  data: string;
}

export interface PackablePosition {
  entityId: string;
  lat: number;
  lng: number;
  fixTimeMs: number;
  positionSeq: number;
  speedKmh: number | null;
  bearingDeg: number | null;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The 16 bytes of a UUID written as 8-4-4-4-12 hex digits. */
export function uuidBytes(uuid: string): Uint8Array {
  if (!UUID.test(uuid)) throw new Error(`not a UUID: ${uuid}`);
  const hex = uuid.replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let index = 0; index < 16; index++) bytes[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

function uuidAt(bytes: Uint8Array, offset: number): string {
  let text = '';
  for (let index = 0; index < 16; index++) {
    if (index === 4 || index === 6 || index === 8 || index === 10) text += '-';
    text += HEX[bytes[offset + index]];
  }
  return text;
}

/**
 * Fills one frame's records. Reused from frame to frame: it grows to the
 * largest frame and `bytes()` hands out a copy of what was written.
 */
export class PositionPacker {
  private buffer = new ArrayBuffer(PACKED_POSITION_BYTES * 256);
  private view = new DataView(this.buffer);
  private octets = new Uint8Array(this.buffer);
  private count = 0;
  positionSeq = 0;

  reset(): void {
    this.count = 0;
    this.positionSeq = 0;
  }

  get size(): number {
    return this.count;
  }

  /** `id` is the entity id's bytes (see uuidBytes), kept by the caller so it is not parsed per fix. */
  add(id: Uint8Array, position: PackablePosition): void {
    const offset = this.count * PACKED_POSITION_BYTES;
    if (offset + PACKED_POSITION_BYTES > this.buffer.byteLength) this.grow();
    this.octets.set(id, offset);
    const view = this.view;
    view.setFloat64(offset + 16, position.lat, true);
    view.setFloat64(offset + 24, position.lng, true);
    view.setFloat64(offset + 32, position.fixTimeMs, true);
    view.setFloat64(offset + 40, position.positionSeq, true);
    view.setFloat64(offset + 48, position.speedKmh ?? NaN, true);
    view.setFloat64(offset + 56, position.bearingDeg ?? NaN, true);
    this.count += 1;
    if (position.positionSeq > this.positionSeq) this.positionSeq = position.positionSeq;
  }

  /** A copy of the records written since the last reset. */
  bytes(): Uint8Array {
    return this.octets.slice(0, this.count * PACKED_POSITION_BYTES);
  }

  private grow(): void {
    const larger = new ArrayBuffer(this.buffer.byteLength * 2);
    new Uint8Array(larger).set(this.octets);
    this.buffer = larger;
    this.view = new DataView(larger);
    this.octets = new Uint8Array(larger);
  }
}

export interface KnownVehicle {
  entityType: LatestPositionDto['entityType'];
  label: string;
  deviceId: string;
}

/** Base64 built into the runtime (recent browsers; not yet every Node.js). */
const nativeBase64 = Uint8Array as unknown as {
  fromBase64?: (text: string) => Uint8Array;
  prototype: { toBase64?: () => string };
};

/** A frame's `data` from its records. The server writes it with its own, faster, encoder. */
export function packedData(bytes: Uint8Array): string {
  if (nativeBase64.prototype.toBase64) return (bytes as unknown as { toBase64: () => string }).toBase64();
  let binary = '';
  for (let index = 0; index < bytes.length; index++) binary += String.fromCharCode(bytes[index]);
  return btoa(binary);
}

/** A frame's records from its `data`. */
export function packedBytes(data: string): Uint8Array {
  if (nativeBase64.fromBase64) return nativeBase64.fromBase64(data);
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** How many records a frame holds, without decoding them; a frame of torn records holds none. */
export function packedCount(frame: Pick<PackedPositionsFrame, 'data'>): number {
  const text = frame.data;
  if (typeof text !== 'string' || text.length % 4 !== 0) return 0;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const length = (text.length / 4) * 3 - padding;
  return length % PACKED_POSITION_BYTES === 0 ? length / PACKED_POSITION_BYTES : 0;
}

/**
 * Reads a frame back into positions, learning the names it carries into
 * `known`. A record of a vehicle never named is left out and counted: the
 * server names every vehicle again within a minute.
 */
export function unpackPositions(
  frame: PackedPositionsFrame,
  known: Map<string, KnownVehicle>,
): { positions: LatestPositionDto[]; unnamed: number } {
  for (const [entityId, entityType, label, deviceId] of frame.names)
    known.set(entityId, { entityType, label, deviceId });
  const count = packedCount(frame);
  const octets = count > 0 ? packedBytes(frame.data) : new Uint8Array(0);
  const view = new DataView(octets.buffer, octets.byteOffset, octets.byteLength);
  const positions: LatestPositionDto[] = [];
  let unnamed = 0;
  for (let index = 0; index < count; index++) {
    const offset = index * PACKED_POSITION_BYTES;
    const entityId = uuidAt(octets, offset);
    const vehicle = known.get(entityId);
    if (!vehicle) {
      unnamed += 1;
      continue;
    }
    const speed = view.getFloat64(offset + 48, true);
    const bearing = view.getFloat64(offset + 56, true);
    positions.push({
      entityType: vehicle.entityType,
      entityId,
      label: vehicle.label,
      deviceId: vehicle.deviceId,
      fixTime: new Date(view.getFloat64(offset + 32, true)).toISOString(),
      lat: view.getFloat64(offset + 16, true),
      lng: view.getFloat64(offset + 24, true),
      speedKmh: Number.isNaN(speed) ? null : speed,
      bearingDeg: Number.isNaN(bearing) ? null : bearing,
      positionSeq: view.getFloat64(offset + 40, true),
    });
  }
  return { positions, unnamed };
}
