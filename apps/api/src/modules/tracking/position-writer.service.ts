import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import type { PositionReport } from '@pourline/contracts';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { DomainError } from '../../platform/errors/domain-error';
import { type RegisteredDevice, type StoredPosition, TrackingRepository } from './tracking.repository';

export class StorageUnavailableError extends DomainError {
  constructor() {
    super(503, 'storage_unavailable', 'Positions cannot be stored right now; keep them and send them again');
  }
}

/** The database refused this one position's content; the others of its batch are stored. */
export class UnstorablePositionError extends DomainError {
  constructor(reason: string) {
    super(
      400,
      'position_not_storable',
      `This position cannot be stored as sent (${reason}); fix it before sending again`,
    );
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity): the content is at fault, not the database. */
function isContentError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

/** Deadlock or serialization failure: nothing is wrong with the batch, it only has to run again. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '40P01' || code === '40001';
}

/**
 * Who is told how a queued position fared. The request's own answer object is
 * passed along as `token`, so queuing a fix allocates no promise or closure.
 */
export interface PositionSink<T = unknown> {
  stored(token: T, positionId: string): void;
  failed(token: T, error: Error): void;
}

interface Pending {
  device: RegisteredDevice;
  report: PositionReport;
  sink: PositionSink;
  token: unknown;
  /** When it was queued (monotonic ms), for the age of the oldest waiting fix. */
  queuedAt: number;
}

/** Settles the promise of `write`. */
const PROMISE_SINK: PositionSink<{ resolve: (positionId: string) => void; reject: (error: Error) => void }> = {
  stored: (token, positionId) => token.resolve(positionId),
  failed: (token, error) => token.reject(error),
};

export interface PositionsCommitted {
  stored: StoredPosition[];
  /** The newest fix of each vehicle that moved forward in time with this batch, as the database judged it. */
  advanced: StoredPosition[];
}

const MAX_BATCH = 1000;
/** How long fixes gather beside a batch in flight before a second batch goes beside it. */
const MAX_WAIT_MS = 25;
const MAX_CONCURRENT_BATCHES = 2;
/** Beyond this many positions waiting, trackers are told to keep theirs and resend later. */
const MAX_QUEUED = 50_000;

/**
 * Collects positions from concurrent requests and writes them in one
 * transaction per batch; each request is answered only once its batch has
 * committed, so a 200 always means the position is durably stored.
 */
@Injectable()
export class PositionWriter extends EventEmitter implements OnApplicationShutdown {
  private readonly logger = new Logger(PositionWriter.name);
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private active = 0;
  /** Each batch in flight, with when its oldest fix was queued. */
  private readonly inFlight = new Map<Pending[], number>();
  private readonly idle: (() => void)[] = [];
  private closed = false;
  /** A batch is about to go, at the end of this turn of the event loop. */
  private flushing = false;

  constructor(
    private readonly repository: TrackingRepository,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  write(device: RegisteredDevice, report: PositionReport): Promise<string> {
    return new Promise((resolve, reject) => this.enqueue(device, report, PROMISE_SINK, { resolve, reject }));
  }

  /** Queues a fix; `sink` hears of it, with `token`, once its batch has committed or failed. */
  enqueue<T>(device: RegisteredDevice, report: PositionReport, sink: PositionSink<T>, token: T): void {
    if (this.closed || this.queue.length >= MAX_QUEUED) {
      sink.failed(token, new StorageUnavailableError());
      return;
    }
    this.queue.push({ device, report, sink: sink as PositionSink, token, queuedAt: performance.now() });
    this.schedule();
  }

  /** How long the oldest fix not yet stored has waited, in ms (0 when none waits). */
  oldestWaitingMs(): number {
    let oldest = this.queue.length > 0 ? this.queue[0].queuedAt : Infinity;
    for (const since of this.inFlight.values()) if (since < oldest) oldest = since;
    return oldest === Infinity ? 0 : performance.now() - oldest;
  }

  /**
   * Group commit: with nothing being written, the fixes that came in together
   * go at once; while a batch is in flight, the next gathers until it commits
   * (or fills, or has waited a few milliseconds, and then goes beside it). So a
   * fix waits about one commit, and a busy stream still writes few statements.
   */
  private schedule(): void {
    if (this.active >= MAX_CONCURRENT_BATCHES || this.queue.length === 0 || this.flushing) return;
    if (this.active === 0 || this.queue.length >= MAX_BATCH) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      // The requests read in the same turn of the event loop share the batch.
      this.flushing = true;
      setImmediate(() => {
        this.flushing = false;
        void this.flush();
      });
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, MAX_WAIT_MS);
    }
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    this.active += 1;
    this.inFlight.set(batch, batch[0].queuedAt);
    try {
      await this.store(batch);
    } finally {
      this.inFlight.delete(batch);
      this.active -= 1;
      this.schedule();
      if (this.active === 0 && this.queue.length === 0) this.idle.splice(0).forEach((resolve) => resolve());
    }
  }

  private async store(batch: Pending[]): Promise<void> {
    let rows: { id: string; advanced: boolean }[];
    try {
      rows = await this.insert(batch);
    } catch (error) {
      if (isContentError(error)) {
        // One position the database cannot take must not cost the others theirs: find it by halves.
        if (batch.length === 1) {
          this.logger.warn(`position of ${batch[0].device.deviceId} refused by the database: ${String(error)}`);
          batch[0].sink.failed(batch[0].token, new UnstorablePositionError(String((error as Error).message)));
          return;
        }
        const half = Math.ceil(batch.length / 2);
        await this.store(batch.slice(0, half));
        await this.store(batch.slice(half));
        return;
      }
      this.logger.warn(`position batch of ${batch.length} not stored: ${String(error)}`);
      for (const item of batch) item.sink.failed(item.token, new StorageUnavailableError());
      return;
    }
    const stored: StoredPosition[] = new Array(batch.length);
    const advanced: StoredPosition[] = [];
    for (let index = 0; index < batch.length; index++) {
      const item = batch[index];
      const position = { positionId: rows[index].id, device: item.device, report: item.report };
      stored[index] = position;
      if (rows[index].advanced) advanced.push(position);
    }
    for (let index = 0; index < batch.length; index++)
      batch[index].sink.stored(batch[index].token, stored[index].positionId);
    this.emit('committed', { stored, advanced } satisfies PositionsCommitted);
  }

  private async insert(batch: Pending[], attempt = 1): Promise<{ id: string; advanced: boolean }[]> {
    try {
      return await this.repository.storePositions(this.dataSource.manager, batch, this.config.ingestMaxFixAheadSeconds);
    } catch (error) {
      if (attempt < 3 && isRetryable(error)) return this.insert(batch, attempt + 1);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.queue.length > 0) await this.flush();
    if (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}
