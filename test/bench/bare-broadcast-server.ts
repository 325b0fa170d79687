import { createServer, type Server } from 'node:http';
import { Server as IoServer } from 'socket.io';

/**
 * The baseline: the same OsmAnd GET in, the same 100 ms coalesced socket.io
 * broadcast out, with no database, no auth and no domain logic.
 */
export function startBareBroadcastServer(port: number): Promise<{ close: () => Promise<void> }> {
  let pending = new Map<string, unknown>();
  let seq = 0;
  const http: Server = createServer((request, response) => {
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
  const io = new IoServer(http, { cors: { origin: true } });
  const live = io.of('/live');
  const timer = setInterval(() => {
    if (pending.size === 0) return;
    const positions = [...pending.values()];
    pending = new Map();
    live.emit('positions.v1', { positionSeq: seq, positions });
  }, 100);
  return new Promise((resolve) =>
    http.listen(port, '127.0.0.1', () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            clearInterval(timer);
            void io.close(() => done());
          }),
      }),
    ),
  );
}
