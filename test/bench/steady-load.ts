import type { Worker } from 'node:worker_threads';
import { benchThread } from './bench-thread';
import type { ConsoleThreadCommand, ConsoleThreadJob, ConsoleThreadReport } from './console-worker';
import { addFixes, type FixCounts, noFixes } from './fix-counts';
import type { FleetMotion } from './fleet-motion';
import { Samples } from './latency';
import { monotonicMs } from './monotonic-clock';
import type { TrackerThreadJob, TrackerThreadResult, TrackerThreadStart } from './tracker-worker';

/** Consoles whose every position is matched to its fix and timed; the rest only count what they receive. */
const TIMED_CONSOLES = 20;

export interface SteadyResult extends FixCounts {
  acceptedPerSecond: number;
  requestLatency: Samples;
  ingestToConsole: Samples;
  /** Positions of this run each console received, as a share of those accepted: lowest and mean. */
  deliveredShareMin: number;
  deliveredShareMean: number;
  elapsedS: number;
}

function nextReport(worker: Worker): Promise<ConsoleThreadReport> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (report: ConsoleThreadReport) => {
      worker.off('error', onError);
      resolve(report);
    });
  });
}

/**
 * The bench's consoles, held open by threads of their own so that reading
 * them neither slows the trackers nor is slowed by them: each console counts
 * the positions it receives in shared memory, and the timed ones time each
 * against the moment its fix was sent.
 */
export class BenchConsoles {
  private constructor(
    private readonly threads: Worker[],
    private readonly received: Int32Array,
  ) {}

  static async connect(baseUrl: string, count: number, threads: number, token?: string): Promise<BenchConsoles> {
    const received = new SharedArrayBuffer(count * Int32Array.BYTES_PER_ELEMENT);
    const perThread = Math.ceil(count / threads);
    const workers: Worker[] = [];
    for (let first = 0; first < count; first += perThread) {
      const job: ConsoleThreadJob = {
        baseUrl,
        token,
        first,
        count: Math.min(perThread, count - first),
        // The timed consoles are spread over the threads, not all in the first.
        timedEvery: Math.max(1, Math.floor(count / TIMED_CONSOLES)),
        timed: TIMED_CONSOLES,
        received,
      };
      workers.push(benchThread('console-worker.ts', job));
    }
    await Promise.all(workers.map(nextReport));
    return new BenchConsoles(workers, new Int32Array(received));
  }

  get count(): number {
    return this.received.length;
  }

  /** Positions of the current run received so far, over every console. */
  total(): number {
    let sum = 0;
    for (let index = 0; index < this.received.length; index++) sum += Atomics.load(this.received, index);
    return sum;
  }

  /** Each console's count of positions of the current run. */
  counts(): number[] {
    return Array.from(this.received, (_, index) => Atomics.load(this.received, index));
  }

  start(startSecond: number, seconds: number, sentAt: SharedArrayBuffer): void {
    this.send({ type: 'run', startSecond, seconds, sentAt });
  }

  /** Ends the run and gathers its ingest → console latencies. */
  async stop(): Promise<Samples> {
    const reports = this.threads.map(nextReport);
    this.send({ type: 'stop' });
    const samples = new Samples();
    for (const report of await Promise.all(reports))
      if (report.type === 'samples') samples.merge(report.ingestToConsole);
    return samples;
  }

  async close(): Promise<void> {
    const exited = this.threads.map((thread) => new Promise((resolve) => thread.once('exit', resolve)));
    this.send({ type: 'close' });
    await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }

  private send(command: ConsoleThreadCommand): void {
    for (const thread of this.threads) thread.postMessage(command);
  }
}

export interface SteadyLoad {
  baseUrl: string;
  consoles: BenchConsoles;
  trucks: number;
  seconds: number;
  /** Seconds of motion already driven by earlier runs. */
  firstSecond: number;
  motion: FleetMotion;
  /** Threads sending the trackers' fixes. */
  threads: number;
  /** Called once every tracker thread is loaded and connected, just before the first fix: where a measurement starts. */
  onReady?: () => void;
  /** Called as the last fix is answered, before waiting for the consoles to settle: where a measurement ends, with `elapsedS`. */
  onDone?: () => void;
}

/** One thread of trackers: loaded once `ready` resolves, started by `start`, done with what it counted. */
function trackerThread(job: TrackerThreadJob): {
  ready: Promise<void>;
  start: (message: TrackerThreadStart) => void;
  done: Promise<TrackerThreadResult>;
} {
  const worker = benchThread('tracker-worker.ts', job);
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`tracker thread exited with ${code}`));
    });
  });
  const ready = Promise.race([new Promise<void>((resolve) => worker.once('message', () => resolve())), failed]);
  const done = ready.then(() =>
    Promise.race([new Promise<TrackerThreadResult>((resolve) => worker.once('message', resolve)), failed]),
  );
  return { ready, start: (message) => worker.postMessage(message), done };
}

/**
 * Every truck reports once a second over OsmAnd, spread evenly over the second,
 * from threads of their own; each fix is timed from its request to its answer
 * and to its arrival at the timed consoles, and every console's receipts are
 * counted against what was accepted.
 */
export async function runSteadyLoad(load: SteadyLoad): Promise<SteadyResult> {
  const { baseUrl, consoles, trucks, seconds } = load;
  // When each fix was sent, by truck and second of the run, on the clock every thread shares.
  const sentAt = new SharedArrayBuffer(trucks * seconds * Float64Array.BYTES_PER_ELEMENT);
  new Float64Array(sentAt).fill(NaN);
  const threads = Array.from({ length: load.threads }, (_, thread) =>
    trackerThread({
      baseUrl,
      trucks,
      seconds,
      firstSecond: load.firstSecond,
      thread,
      threads: load.threads,
      motion: load.motion,
      sentAt,
    }),
  );
  await Promise.all(threads.map((thread) => thread.ready));
  load.onReady?.();
  // Every thread is loaded and waiting: they start their clocks together.
  const startSecond = Math.floor(Date.now() / 1000) + 1;
  consoles.start(startSecond, seconds, sentAt);
  const beginMs = monotonicMs() + 100;
  for (const thread of threads) thread.start({ beginMs, startSecond });
  const results = await Promise.all(threads.map((thread) => thread.done));
  const elapsedS = (monotonicMs() - beginMs) / 1000;
  load.onDone?.();
  const counted = noFixes();
  const requestLatency = new Samples();
  for (const result of results) {
    addFixes(counted, result);
    requestLatency.merge(result.requestLatency);
  }
  // What is still on its way to the consoles: until nothing more has come for a second and a half.
  let total = -1;
  const settleBy = monotonicMs() + 30_000;
  while (monotonicMs() < settleBy) {
    const now = consoles.total();
    if (now === total) break;
    total = now;
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  const ingestToConsole = await consoles.stop();
  const shares = consoles.counts().map((count) => (counted.accepted === 0 ? 0 : count / counted.accepted));
  return {
    ...counted,
    acceptedPerSecond: counted.accepted / elapsedS,
    requestLatency,
    ingestToConsole,
    deliveredShareMin: Math.min(...shares),
    deliveredShareMean: shares.reduce((sum, share) => sum + share, 0) / Math.max(1, shares.length),
    elapsedS,
  };
}
