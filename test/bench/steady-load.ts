import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { PositionsBatch } from '@pourline/contracts';
import { benchDeviceId, benchPosition } from './bench-fleet';
import { Samples } from './latency';

export interface SteadyResult {
  sent: number;
  accepted: number;
  refused: number;
  unavailable: number;
  acceptedPerSecond: number;
  requestLatency: Samples;
  ingestToClient: Samples;
  deliveredPerClientPerSecond: number;
}

export async function connectClients(baseUrl: string, count: number, token?: string): Promise<Socket[]> {
  const clients = Array.from({ length: count }, () =>
    io(`${baseUrl}/live`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false }),
  );
  await Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('client did not connect in 20 s')), 20_000);
          const ready = () => {
            clearTimeout(timer);
            resolve();
          };
          // The API says when its replay is done; the bare server has none, so connecting is enough.
          if (token) client.once('live.ready.v1', ready);
          else client.once('connect', ready);
        }),
    ),
  );
  return clients;
}

/**
 * Every truck reports once a second, spread evenly over the second, for the
 * given time; every client's receipt of every fix is timed from its request.
 */
export async function runSteadyLoad(
  baseUrl: string,
  clients: Socket[],
  trucks: number,
  seconds: number,
): Promise<SteadyResult> {
  const sentAt = new Map<string, number>();
  const ingestToClient = new Samples();
  const requestLatency = new Samples();
  let delivered = 0;
  for (const client of clients) {
    client.on('positions.v1', (batch: PositionsBatch) => {
      const now = performance.now();
      for (const position of batch.positions) {
        const started = sentAt.get(`${position.deviceId}|${position.fixTime}`);
        if (started !== undefined) {
          ingestToClient.add(now - started);
          delivered += 1;
        }
      }
    });
  }
  let sent = 0;
  let accepted = 0;
  let refused = 0;
  let unavailable = 0;
  const inFlight = new Set<Promise<void>>();
  const startSecond = Math.floor(Date.now() / 1000) + 1;
  const slices = 100;
  const perSlice = Math.ceil(trucks / slices);
  const begin = performance.now();
  for (let second = 0; second < seconds; second += 1) {
    for (let slice = 0; slice < slices; slice += 1) {
      const due = begin + second * 1000 + slice * (1000 / slices);
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      for (let index = slice * perSlice; index < Math.min(trucks, (slice + 1) * perSlice); index += 1) {
        const deviceId = benchDeviceId(index);
        const timestamp = startSecond + second;
        const { lat, lng } = benchPosition(index, second);
        const fixTime = new Date(timestamp * 1000).toISOString();
        const started = performance.now();
        sentAt.set(`${deviceId}|${fixTime}`, started);
        sent += 1;
        const request = fetch(
          `${baseUrl}/api/ingest/osmand?id=${deviceId}&lat=${lat}&lon=${lng}&timestamp=${timestamp}&speed=20`,
        )
          .then(async (response) => {
            await response.arrayBuffer();
            requestLatency.add(performance.now() - started);
            if (response.status === 200) accepted += 1;
            else if (response.status === 503) unavailable += 1;
            else refused += 1;
          })
          .catch(() => {
            unavailable += 1;
          })
          .finally(() => inFlight.delete(request));
        inFlight.add(request);
      }
    }
  }
  await Promise.all(inFlight);
  const elapsedS = (performance.now() - begin) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const client of clients) client.off('positions.v1');
  return {
    sent,
    accepted,
    refused,
    unavailable,
    acceptedPerSecond: accepted / elapsedS,
    requestLatency,
    ingestToClient,
    deliveredPerClientPerSecond: delivered / clients.length / elapsedS,
  };
}
