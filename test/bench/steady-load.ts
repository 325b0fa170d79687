import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { PositionsBatch } from '@pourline/contracts';
import { benchDeviceId } from './bench-fleet';
import { Samples } from './latency';

/** Consoles whose every position is matched to its fix and timed; the rest only count what they receive. */
const TIMED_CONSOLES = 20;

export interface SteadyResult {
  sent: number;
  accepted: number;
  refused: number;
  unavailable: number;
  acceptedPerSecond: number;
  requestLatency: Samples;
  ingestToConsole: Samples;
  /** Positions of this run each console received, as a share of those accepted: lowest and mean. */
  deliveredShareMin: number;
  deliveredShareMean: number;
  elapsedS: number;
}

export async function connectConsoles(baseUrl: string, count: number, token?: string): Promise<Socket[]> {
  const consoles: Socket[] = [];
  // A few at a time: the handshake replays the latest positions, which is not what is measured.
  for (let first = 0; first < count; first += 20) {
    const group = Array.from({ length: Math.min(20, count - first) }, () =>
      io(`${baseUrl}/live`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false }),
    );
    await Promise.all(
      group.map(
        (console) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('console did not connect in 30 s')), 30_000);
            const ready = () => {
              clearTimeout(timer);
              resolve();
            };
            // The API says when its replay is done; the bare server has none, so connecting is enough.
            if (token) console.once('live.ready.v1', ready);
            else console.once('connect', ready);
          }),
      ),
    );
    consoles.push(...group);
  }
  return consoles;
}

export interface SteadyLoad {
  baseUrl: string;
  consoles: Socket[];
  trucks: number;
  seconds: number;
  /** Seconds of motion already driven by earlier runs. */
  firstSecond: number;
  position(index: number, second: number): { lat: number; lng: number };
}

/**
 * Every truck reports once a second over OsmAnd, spread evenly over the second;
 * each fix is timed from its request to its answer and to its arrival at the
 * timed consoles, and every console's receipts are counted against what was accepted.
 */
export async function runSteadyLoad(load: SteadyLoad): Promise<SteadyResult> {
  const { baseUrl, consoles, trucks, seconds } = load;
  const sentAt = new Map<string, number>();
  const ingestToConsole = new Samples();
  const requestLatency = new Samples();
  const received = consoles.map(() => 0);
  consoles.forEach((console, consoleIndex) => {
    const timed = consoleIndex < TIMED_CONSOLES;
    console.on('positions.v1', (batch: PositionsBatch) => {
      const now = performance.now();
      for (const position of batch.positions) {
        if (!timed) {
          if (position.deviceId?.startsWith('bench-')) received[consoleIndex] += 1;
          continue;
        }
        const started = sentAt.get(`${position.deviceId}|${position.fixTime}`);
        if (started !== undefined) {
          ingestToConsole.add(now - started);
          received[consoleIndex] += 1;
        }
      }
    });
  });
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
        const { lat, lng } = load.position(index, load.firstSecond + second);
        const fixTime = new Date(timestamp * 1000).toISOString();
        const started = performance.now();
        sentAt.set(`${deviceId}|${fixTime}`, started);
        sent += 1;
        const request = fetch(
          `${baseUrl}/api/ingest/osmand?id=${deviceId}&lat=${lat}&lon=${lng}&timestamp=${timestamp}&speed=16`,
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
  // What is still on its way to the consoles: until nothing more has come for a second and a half.
  let total = -1;
  const settleBy = performance.now() + 30_000;
  while (performance.now() < settleBy) {
    const now = received.reduce((sum, count) => sum + count, 0);
    if (now === total) break;
    total = now;
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  for (const console of consoles) console.off('positions.v1');
  const shares = received.map((count) => (accepted === 0 ? 0 : count / accepted));
  return {
    sent,
    accepted,
    refused,
    unavailable,
    acceptedPerSecond: accepted / elapsedS,
    requestLatency,
    ingestToConsole,
    deliveredShareMin: Math.min(...shares),
    deliveredShareMean: shares.reduce((sum, share) => sum + share, 0) / Math.max(1, shares.length),
    elapsedS,
  };
}
