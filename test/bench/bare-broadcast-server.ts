import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { Server as IoServer } from 'socket.io';
import { type PackedName, PositionPacker } from '@pourline/contracts';

/** As often as the API names a vehicle again in its frames. */
const RENAME_EVERY_MS = 30_000;

interface Vehicle {
  id: Uint8Array;
  uuid: string;
  namedAt: number;
  lat: number;
  lng: number;
  fixTimeMs: number;
  seq: number;
}

/** A stable made-up UUID for a tracker id: the bare server has no database to give one. */
function uuidOf(deviceId: string): { id: Uint8Array; uuid: string } {
  const id = new Uint8Array(createHash('md5').update(deviceId).digest().subarray(0, 16));
  const hex = Buffer.from(id).toString('hex');
  return {
    id,
    uuid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
  };
}

/**
 * The baseline, run as a process of its own: the same OsmAnd GET in, the same
 * 100 ms coalesced socket.io broadcast out to every console in the same packed
 * frames (a name the first time and every half minute), with no database, no
 * auth and no domain logic. Prints `ready` once it listens on the port given.
 */
function main(port: number): void {
  const vehicles = new Map<string, Vehicle>();
  let pending = new Set<string>();
  let seq = 0;
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const deviceId = url.searchParams.get('id');
    if (!deviceId) {
      response.writeHead(400).end();
      return;
    }
    seq += 1;
    let vehicle = vehicles.get(deviceId);
    if (!vehicle) {
      vehicle = { ...uuidOf(deviceId), namedAt: -Infinity, lat: 0, lng: 0, fixTimeMs: 0, seq: 0 };
      vehicles.set(deviceId, vehicle);
    }
    vehicle.lat = Number(url.searchParams.get('lat'));
    vehicle.lng = Number(url.searchParams.get('lon'));
    vehicle.fixTimeMs = Number(url.searchParams.get('timestamp')) * 1000;
    vehicle.seq = seq;
    pending.add(deviceId);
    response.writeHead(200, { 'content-type': 'application/json' }).end(`{"positionId":"${seq}"}`);
  });
  http.keepAliveTimeout = 65_000;
  const io = new IoServer(http, { cors: { origin: true }, transports: ['websocket'] });
  const live = io.of('/live');
  const packer = new PositionPacker();
  setInterval(() => {
    if (pending.size === 0) return;
    const now = Date.now();
    const names: PackedName[] = [];
    packer.reset();
    for (const deviceId of pending) {
      const vehicle = vehicles.get(deviceId)!;
      packer.add(vehicle.id, {
        entityId: vehicle.uuid,
        lat: vehicle.lat,
        lng: vehicle.lng,
        fixTimeMs: vehicle.fixTimeMs,
        positionSeq: vehicle.seq,
        speedKmh: null,
        bearingDeg: null,
      });
      if (now - vehicle.namedAt >= RENAME_EVERY_MS) {
        names.push([vehicle.uuid, 'truck', deviceId, deviceId]);
        vehicle.namedAt = now;
      }
    }
    pending = new Set();
    const bytes = packer.bytes();
    live.emit('positions.packed.v2', {
      positionSeq: seq,
      names,
      data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    });
  }, 100);
  // The same accept queue as the API's.
  http.listen({ port, host: '127.0.0.1', backlog: 4096 }, () => console.log('ready'));
  process.once('SIGTERM', () => process.exit(0));
}

main(Number(process.argv[2]));
