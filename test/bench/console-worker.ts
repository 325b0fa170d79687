import { parentPort, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import {
  PACKED_POSITION_BYTES,
  type PackedPositionsFrame,
  packedCount,
  type PositionsBatch,
  uuidBytes,
} from '@pourline/contracts';
import { benchTruckIndex } from './bench-fleet';
import { Samples } from './latency';
import { monotonicMs } from './monotonic-clock';

/** What one thread of consoles is asked to hold open. */
export interface ConsoleThreadJob {
  baseUrl: string;
  /** None for the bare server, which asks for none. */
  token: string | undefined;
  /** The bench's index of this thread's first console, and how many it holds. */
  first: number;
  count: number;
  /** Every this many consoles, up to `timed` of them, one times every position against its fix; the rest only count. */
  timedEvery: number;
  timed: number;
  /** Positions of the current run each console received, by the bench's console index; read by the main thread. */
  received: SharedArrayBuffer;
}

/** From the main thread: a run begins (its fixes are timed from `sentAt`), or ends, or the consoles close. */
export type ConsoleThreadCommand =
  | { type: 'run'; startSecond: number; seconds: number; sentAt: SharedArrayBuffer }
  | { type: 'stop' }
  | { type: 'close' };

/** To the main thread: the consoles are connected, or a run's latencies once it is stopped. */
export type ConsoleThreadReport = { type: 'ready' } | { type: 'samples'; ingestToConsole: Uint32Array<ArrayBuffer> };

const job = workerData as ConsoleThreadJob;
const received = new Int32Array(job.received);

/** The first six bytes of an entity id as a number: unique enough to tell a fleet's trucks apart. */
function idKey(view: DataView, offset: number): number {
  return view.getUint32(offset, true) * 65_536 + view.getUint16(offset + 4, true);
}

interface BenchConsole {
  socket: Socket;
  index: number;
  /** Its bench trucks by the first six bytes of their ids, learned from the snapshot and the names frames carry. */
  trucksByKey: Map<number, number>;
}

function open(index: number): BenchConsole {
  const socket = io(`${job.baseUrl}/live`, {
    auth: job.token ? { token: job.token } : {},
    transports: ['websocket'],
    reconnection: false,
  });
  const trucksByKey = new Map<number, number>();
  /** Names come again every half minute; a bench truck keeps its tracker for the whole bench, so each is read once. */
  const learned = new Set<string>();
  const learn = (entityId: string, deviceId: string) => {
    if (learned.has(entityId)) return;
    learned.add(entityId);
    const truck = benchTruckIndex(deviceId);
    if (truck !== undefined) trucksByKey.set(idKey(new DataView(uuidBytes(entityId).buffer), 0), truck);
  };
  socket.on('positions.v1', (batch: PositionsBatch) => {
    for (const position of batch.positions) learn(position.entityId, position.deviceId);
  });
  socket.on('positions.packed.v2', (frame: PackedPositionsFrame) => {
    for (const [entityId, , , deviceId] of frame.names) learn(entityId, deviceId);
  });
  return { socket, index, trucksByKey };
}

function connected(console: BenchConsole): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('console did not connect in 30 s')), 30_000);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    // The API says when its replay is done; the bare server has none, so connecting is enough.
    if (job.token) console.socket.once('live.ready.v1', ready);
    else console.socket.once('connect', ready);
  });
}

const consoles: BenchConsole[] = [];
let ingestToConsole = new Samples();
const counters = new Map<BenchConsole, (frame: PackedPositionsFrame) => void>();

function startRun(startSecond: number, seconds: number, sentAtBuffer: SharedArrayBuffer): void {
  const sentAt = new Float64Array(sentAtBuffer);
  const firstMs = startSecond * 1000;
  const endMs = (startSecond + seconds) * 1000;
  ingestToConsole = new Samples();
  for (const console of consoles) {
    const timed = console.index % job.timedEvery === 0 && console.index / job.timedEvery < job.timed;
    received[console.index] = 0;
    const counter = (frame: PackedPositionsFrame) => {
      const now = monotonicMs();
      // Node's own decoder: the bench's consoles must not be slower than the server they measure.
      const data = Buffer.from(frame.data, 'base64');
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      const count = packedCount(frame);
      let counted = 0;
      for (let record = 0; record < count; record++) {
        const offset = record * PACKED_POSITION_BYTES;
        const fixTimeMs = view.getFloat64(offset + 32, true);
        if (fixTimeMs < firstMs || fixTimeMs >= endMs) continue;
        if (!timed) {
          counted += 1;
          continue;
        }
        const truck = console.trucksByKey.get(idKey(view, offset));
        if (truck === undefined) continue;
        const started = sentAt[truck * seconds + (fixTimeMs - firstMs) / 1000];
        if (!Number.isNaN(started)) {
          ingestToConsole.add(now - started);
          counted += 1;
        }
      }
      Atomics.add(received, console.index, counted);
    };
    counters.set(console, counter);
    console.socket.on('positions.packed.v2', counter);
  }
}

function stopRun(): void {
  for (const [console, counter] of counters) console.socket.off('positions.packed.v2', counter);
  counters.clear();
  const report: ConsoleThreadReport = { type: 'samples', ingestToConsole: ingestToConsole.raw };
  parentPort!.postMessage(report, [report.ingestToConsole.buffer]);
}

async function main(): Promise<void> {
  // A few at a time: the handshake replays the latest positions, which is not what is measured.
  for (let first = 0; first < job.count; first += 20) {
    const group = Array.from({ length: Math.min(20, job.count - first) }, (_, offset) =>
      open(job.first + first + offset),
    );
    consoles.push(...group);
    await Promise.all(group.map(connected));
  }
  parentPort!.on('message', (command: ConsoleThreadCommand) => {
    if (command.type === 'run') startRun(command.startSecond, command.seconds, command.sentAt);
    else if (command.type === 'stop') stopRun();
    else {
      for (const console of consoles) console.socket.close();
      parentPort!.close();
    }
  });
  parentPort!.postMessage({ type: 'ready' } satisfies ConsoleThreadReport);
}

void main();
