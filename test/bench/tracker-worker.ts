import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';
import { benchDeviceId } from './bench-fleet';
import { type FixCounts, noFixes } from './fix-counts';
import { type FleetMotion, positionOf } from './fleet-motion';
import { Samples } from './latency';
import { monotonicMs } from './monotonic-clock';

/** What one thread of trackers is asked to send. */
export interface TrackerThreadJob {
  baseUrl: string;
  trucks: number;
  seconds: number;
  /** Seconds of motion already driven by earlier runs. */
  firstSecond: number;
  /** This thread sends for the trucks whose index ÷ `threads` leaves `thread`. */
  thread: number;
  threads: number;
  motion: FleetMotion;
  /** When each fix was sent (monotonic ms), by truck and second; shared with the consoles' threads. */
  sentAt: SharedArrayBuffer;
}

/** Sent by the main thread once every tracker thread is loaded: when the run's first slice is due, on the monotonic clock every thread shares. */
export interface TrackerThreadStart {
  beginMs: number;
  /** The Unix second of the run's first fix. */
  startSecond: number;
}

/** What it reports once every one of its fixes is answered or given up. */
export interface TrackerThreadResult extends FixCounts {
  requestLatency: Uint32Array<ArrayBuffer>;
}

/** How many times a tracker sends a fix the server had no room for before giving up on it. */
const RESEND_ATTEMPTS = 10;
/** Each second is sent in this many slices, so fixes are spread over it as a fleet's are. */
const SLICES = 100;

const job = workerData as TrackerThreadJob;
/**
 * Keep-alive connections, one per request in flight up to a fleet of trackers
 * each on its own. undici's pool costs the bench about 40 % less CPU per
 * request than node:http's agent (75 against 125 µs on this machine), CPU the
 * bench's trackers would otherwise take from the server they measure. Every
 * idle connection is kept, as a tracker keeps its own, for as long as the
 * server's keep-alive allows: closing them would open thousands of
 * connections a second and overflow the server's accept queue.
 */
const MAX_SOCKETS = Math.ceil(8000 / job.threads);
const pool = new Pool(job.baseUrl, {
  connections: MAX_SOCKETS,
  pipelining: 1,
  keepAliveTimeout: 120_000,
  keepAliveMaxTimeout: 120_000,
});

/** New connections opened at once while the fleet connects: well inside the server's accept queue. */
const CONNECT_AT_ONCE = 100;

/**
 * Opens this thread's trackers' connections before the run, as a fleet's
 * trackers hold theirs: one per tracker (up to MAX_SOCKETS), CONNECT_AT_ONCE
 * more in each round (a round asks as many requests at once as there are
 * connections, plus CONNECT_AT_ONCE, so the pool must open that many new
 * ones; the requests grow with the square of the connections, which the
 * bench's CPU figures leave out, since they count from the first fix). Opened all at
 * once when the run begins, thousands of connections would overflow the
 * server's accept queue, and the trackers' retried connections would count
 * seconds of backoff against the server in the run's latency.
 */
async function connectTrackers(): Promise<void> {
  const count = Math.min(MAX_SOCKETS, Math.ceil(job.trucks / job.threads));
  // Without an id, both servers answer 400 at once and keep the connection.
  const path = '/api/ingest/osmand';
  for (let open = 0; open < count; open += CONNECT_AT_ONCE) {
    const atOnce = Math.min(count, open + CONNECT_AT_ONCE);
    await Promise.all(Array.from({ length: atOnce }, () => get(path).catch(() => undefined)));
  }
}

/** GETs a path and resolves with the status (and Retry-After, 1 s if none) once the answer is read. */
async function get(path: string): Promise<{ status: number; retryAfterS: number }> {
  const { statusCode, headers, body } = await pool.request({ path, method: 'GET' });
  await body.dump();
  return { status: statusCode, retryAfterS: Number(headers['retry-after']) || 1 };
}

async function run({ beginMs, startSecond }: TrackerThreadStart): Promise<TrackerThreadResult> {
  const { trucks, seconds, thread, threads } = job;
  const sentAt = new Float64Array(job.sentAt);
  const requestLatency = new Samples();
  const result = noFixes();
  const inFlight = new Set<Promise<void>>();
  /**
   * As a tracker does: a fix answered 503 (or not answered) is kept and sent
   * again after Retry-After, up to RESEND_ATTEMPTS times; one refused for its
   * content is not.
   */
  const send = async (path: string): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      const started = monotonicMs();
      const answer = await get(path).catch(() => ({ status: 0, retryAfterS: 1 }));
      requestLatency.add(monotonicMs() - started);
      if (answer.status === 200) {
        result.accepted += 1;
        if (attempt > 1) result.resent += 1;
        return;
      }
      if (answer.status !== 503 && answer.status !== 0) {
        result.refused += 1;
        return;
      }
      result.unavailable += 1;
      if (attempt >= RESEND_ATTEMPTS) {
        result.lost += 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, answer.retryAfterS * 1000));
    }
  };
  const perSlice = Math.ceil(trucks / SLICES);
  for (let second = 0; second < seconds; second += 1) {
    for (let slice = 0; slice < SLICES; slice += 1) {
      const wait = beginMs + second * 1000 + slice * (1000 / SLICES) - monotonicMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const last = Math.min(trucks, (slice + 1) * perSlice);
      for (let index = slice * perSlice; index < last; index += 1) {
        if (index % threads !== thread) continue;
        const { lat, lng } = positionOf(job.motion, index, job.firstSecond + second);
        const path =
          `/api/ingest/osmand?id=${benchDeviceId(index)}&lat=${lat}&lon=${lng}` +
          `&timestamp=${startSecond + second}&speed=16`;
        sentAt[index * seconds + second] = monotonicMs();
        result.sent += 1;
        const request = send(path);
        inFlight.add(request);
        void request.finally(() => inFlight.delete(request));
      }
    }
  }
  await Promise.all(inFlight);
  await pool.destroy();
  return { ...result, requestLatency: requestLatency.raw };
}

// Loading this thread takes a while on a busy machine: the run starts when every thread is ready,
// else a late thread would send every slice it missed at once.
parentPort!.once('message', (start: TrackerThreadStart) => {
  // A failure rejects unhandled, which ends the thread with its error for the main thread to see.
  void run(start).then((result) => parentPort!.postMessage(result, [result.requestLatency.buffer]));
});
void connectTrackers().then(() => parentPort!.postMessage('ready'));
