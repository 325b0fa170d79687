import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import type { PositionReport } from '@pourline/contracts';
import { DomainError } from '../../platform/errors/domain-error';
import {
  type AdvancedPosition,
  type RegisteredDevice,
  type StoredPosition,
  TrackingRepository,
} from './tracking.repository';

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
  advanced: AdvancedPosition[];
}

const MAX_BATCH = 1000;
const MAX_WAIT_MS = 8;

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
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly repository: TrackingRepository,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  write(device: RegisteredDevice, report: PositionReport): Promise<string> {
    if (this.closed) return Promise.reject(new StorageUnavailableError());
    return new Promise((resolve, reject) => {
      this.queue.push({ device, report, resolve, reject });
      if (this.queue.length >= MAX_BATCH) this.scheduleFlush(0);
      else this.scheduleFlush(MAX_WAIT_MS);
    });
  }

  private scheduleFlush(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // One batch at a time keeps the pool free for the rest of the API.
      this.flushing = this.flushing.then(() => this.flush());
    }, delayMs);
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length > 0) this.scheduleFlush(0);
    if (batch.length === 0) return;
    let committed: PositionsCommitted;
    try {
      committed = await this.dataSource.transaction(async (manager) => {
        const ids = await this.repository.insertPositions(manager, batch);
        const stored = batch.map((item, index) => ({
          positionId: ids[index],
          device: item.device,
          report: item.report,
        }));
        return { stored, advanced: await this.repository.advanceLatest(manager, stored) };
      });
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
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }
    await this.flushing;
  }
}
