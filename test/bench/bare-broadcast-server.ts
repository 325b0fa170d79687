import { createServer } from 'node:http';
import { Server as IoServer } from 'socket.io';

/**
 * The baseline, run as a process of its own: the same OsmAnd GET in, the same
 * 100 ms coalesced socket.io broadcast out to every console, with no database,
 * no auth and no domain logic. Prints `ready` once it listens on the port given.
 */
function main(port: number): void {
  let pending = new Map<string, unknown>();
  let seq = 0;
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const id = url.searchParams.get('id');
    if (!id) {
      response.writeHead(400).end();
      return;
    }
    seq += 1;
    pending.set(id, {
      entityType: 'truck',
      entityId: id,
      label: id,
      deviceId: id,
      fixTime: new Date(Number(url.searchParams.get('timestamp')) * 1000).toISOString(),
      lat: Number(url.searchParams.get('lat')),
      lng: Number(url.searchParams.get('lon')),
      speedKmh: null,
      bearingDeg: null,
      positionSeq: seq,
    });
    response.writeHead(200, { 'content-type': 'application/json' }).end(`{"positionId":"${seq}"}`);
  });
  http.keepAliveTimeout = 65_000;
  const io = new IoServer(http, { cors: { origin: true }, transports: ['websocket'] });
  const live = io.of('/live');
  setInterval(() => {
    if (pending.size === 0) return;
    const positions = [...pending.values()];
    pending = new Map();
    live.emit('positions.v1', { positionSeq: seq, positions });
  }, 100);
  http.listen(port, '127.0.0.1', () => console.log('ready'));
  process.once('SIGTERM', () => process.exit(0));
}

main(Number(process.argv[2]));
