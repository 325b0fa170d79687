import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import type { PositionReport } from '@pourline/contracts';
import { DomainError } from '../../platform/errors/domain-error';
import { LatestPositions } from './latest-positions.service';
import { type RegisteredDevice, type StoredPosition, TrackingRepository } from './tracking.repository';

export class StorageUnavailableError extends DomainError {
  constructor() {
    super(503, 'storage_unavailable', 'Positions cannot be stored right now; keep them and send them again');
  }
}

interface Pending {
  device: RegisteredDevice;
  report: PositionReport;
  resolve: (positionId: string) => void;
  reject: (error: Error) => void;
}

export interface PositionsCommitted {
  stored: StoredPosition[];
  /** The newest fix of each vehicle that moved forward in time with this batch. */
  advanced: StoredPosition[];
}

const MAX_BATCH = 1000;
const MAX_WAIT_MS = 8;
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
  private readonly idle: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly repository: TrackingRepository,
    private readonly latest: LatestPositions,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  write(device: RegisteredDevice, report: PositionReport): Promise<string> {
    if (this.closed || this.queue.length >= MAX_QUEUED) return Promise.reject(new StorageUnavailableError());
    return new Promise((resolve, reject) => {
      this.queue.push({ device, report, resolve, reject });
      this.schedule();
    });
  }

  /**
   * A full batch goes at once; otherwise the first position waits a few
   * milliseconds for company. Two batches may be in flight, so one slow
   * commit does not stall the stream, and the pool stays free for the rest.
   */
  private schedule(): void {
    if (this.active >= MAX_CONCURRENT_BATCHES || this.queue.length === 0) return;
    if (this.queue.length >= MAX_BATCH) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
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
    try {
      await this.store(batch);
    } finally {
      this.active -= 1;
      this.schedule();
      if (this.active === 0 && this.queue.length === 0) this.idle.splice(0).forEach((resolve) => resolve());
    }
  }

  private async store(batch: Pending[]): Promise<void> {
    let committed: PositionsCommitted;
    try {
      const ids = await this.repository.insertPositions(this.dataSource.manager, batch);
      const stored = batch.map((item, index) => ({ positionId: ids[index], device: item.device, report: item.report }));
      committed = { stored, advanced: this.latest.offer(stored) };
    } catch (error) {
      this.logger.warn(`position batch of ${batch.length} not stored: ${String(error)}`);
      for (const item of batch) item.reject(new StorageUnavailableError());
      return;
    }
    committed.stored.forEach((item, index) => batch[index].resolve(item.positionId));
    this.emit('committed', committed);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.queue.length > 0) await this.flush();
    if (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}
