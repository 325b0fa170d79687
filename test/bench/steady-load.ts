import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { Agent, request } from 'node:http';
import {
  PACKED_POSITION_BYTES,
  type PackedPositionsFrame,
  packedCount,
  type PositionsBatch,
  uuidBytes,
} from '@pourline/contracts';
import { benchDeviceId, benchTruckIndex } from './bench-fleet';
import { Samples } from './latency';

/** Keep-alive connections, one per request in flight up to a fleet of trackers each on its own: cheaper per request than fetch. */
const agent = new Agent({ keepAlive: true, maxSockets: 8000 });

/** How many times a tracker sends a fix the server had no room for before giving up on it. */
const RESEND_ATTEMPTS = 10;

/** GETs a URL and resolves with the status (and Retry-After, 1 s if none) once the answer is read. */
function get(url: string): Promise<{ status: number; retryAfterS: number }> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, retryAfterS: Number(response.headers['retry-after']) || 1 }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** The first six bytes of an entity id as a number: unique enough to tell a fleet's trucks apart. */
function idKey(view: DataView, offset: number): number {
  return view.getUint32(offset, true) * 65_536 + view.getUint16(offset + 4, true);
}

/** Consoles whose every position is matched to its fix and timed; the rest only count what they receive. */
const TIMED_CONSOLES = 20;

export interface SteadyResult {
  sent: number;
  accepted: number;
  refused: number;
  /** Answers of 503, or none, each attempt counted. */
  unavailable: number;
  /** Fixes accepted only when sent again. */
  resent: number;
  /** Fixes still not accepted after every attempt. */
  lost: number;
  acceptedPerSecond: number;
  requestLatency: Samples;
  ingestToConsole: Samples;
  /** Positions of this run each console received, as a share of those accepted: lowest and mean. */
  deliveredShareMin: number;
  deliveredShareMean: number;
  elapsedS: number;
}

/**
 * Each console's bench trucks by the first six bytes of their ids, learned from
 * the snapshot and the names frames carry, for as long as the console is open.
 */
const consoleTrucks = new WeakMap<Socket, Map<number, number>>();

function learnNames(console: Socket): void {
  const trucksByKey = new Map<number, number>();
  consoleTrucks.set(console, trucksByKey);
  const learn = (entityId: string, deviceId: string) => {
    const index = benchTruckIndex(deviceId);
    if (index !== undefined) trucksByKey.set(idKey(new DataView(uuidBytes(entityId).buffer), 0), index);
  };
  console.on('positions.v1', (batch: PositionsBatch) => {
    for (const position of batch.positions) learn(position.entityId, position.deviceId);
  });
  console.on('positions.packed.v1', (frame: PackedPositionsFrame) => {
    for (const [entityId, , , deviceId] of frame.names) learn(entityId, deviceId);
  });
}

export async function connectConsoles(baseUrl: string, count: number, token?: string): Promise<Socket[]> {
  const consoles: Socket[] = [];
  // A few at a time: the handshake replays the latest positions, which is not what is measured.
  for (let first = 0; first < count; first += 20) {
    const group = Array.from({ length: Math.min(20, count - first) }, () =>
      io(`${baseUrl}/live`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false }),
    );
    group.forEach(learnNames);
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
  const startSecond = Math.floor(Date.now() / 1000) + 1;
  // When each fix was sent, by truck and second of the run; read from the records, not from strings.
  const sentAt = new Float64Array(trucks * seconds).fill(NaN);
  const ingestToConsole = new Samples();
  const requestLatency = new Samples();
  const received = consoles.map(() => 0);
  const counters: ((frame: PackedPositionsFrame) => void)[] = [];
  const firstMs = startSecond * 1000;
  const endMs = (startSecond + seconds) * 1000;
  consoles.forEach((console, consoleIndex) => {
    const timed = consoleIndex < TIMED_CONSOLES;
    const trucksByKey = consoleTrucks.get(console)!;
    counters[consoleIndex] = (frame: PackedPositionsFrame) => {
      const now = performance.now();
      const data = frame.data as Uint8Array;
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      const count = packedCount(frame);
      for (let record = 0; record < count; record++) {
        const offset = record * PACKED_POSITION_BYTES;
        const fixTimeMs = view.getFloat64(offset + 32, true);
        if (fixTimeMs < firstMs || fixTimeMs >= endMs) continue;
        if (!timed) {
          received[consoleIndex] += 1;
          continue;
        }
        const truck = trucksByKey.get(idKey(view, offset));
        if (truck === undefined) continue;
        const started = sentAt[truck * seconds + (fixTimeMs - firstMs) / 1000];
        if (!Number.isNaN(started)) {
          ingestToConsole.add(now - started);
          received[consoleIndex] += 1;
        }
      }
    };
    console.on('positions.packed.v1', counters[consoleIndex]);
  });
  let sent = 0;
  let accepted = 0;
  let refused = 0;
  let unavailable = 0;
  let resent = 0;
  let lost = 0;
  const inFlight = new Set<Promise<void>>();
  const track = (request: Promise<void>) => {
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  };
  /**
   * As a tracker does: a fix answered 503 (or not answered) is kept and sent
   * again after Retry-After, up to RESEND_ATTEMPTS times; one refused for its
   * content is not.
   */
  const send = async (url: string): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      const started = performance.now();
      const answer = await get(url).catch(() => ({ status: 0, retryAfterS: 1 }));
      requestLatency.add(performance.now() - started);
      if (answer.status === 200) {
        accepted += 1;
        if (attempt > 1) resent += 1;
        return;
      }
      if (answer.status !== 503 && answer.status !== 0) {
        refused += 1;
        return;
      }
      unavailable += 1;
      if (attempt >= RESEND_ATTEMPTS) {
        lost += 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, answer.retryAfterS * 1000));
    }
  };
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
        const started = performance.now();
        sentAt[index * seconds + second] = started;
        sent += 1;
        track(
          send(`${baseUrl}/api/ingest/osmand?id=${deviceId}&lat=${lat}&lon=${lng}&timestamp=${timestamp}&speed=16`),
        );
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
  for (const [index, console] of consoles.entries()) console.off('positions.packed.v1', counters[index]);
  const shares = received.map((count) => (accepted === 0 ? 0 : count / accepted));
  return {
    sent,
    accepted,
    refused,
    unavailable,
    resent,
    lost,
    acceptedPerSecond: accepted / elapsedS,
    requestLatency,
    ingestToConsole,
    deliveredShareMin: Math.min(...shares),
    deliveredShareMean: shares.reduce((sum, share) => sum + share, 0) / Math.max(1, shares.length),
    elapsedS,
  };
}
