import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type LatestUpdate, type StoredPosition, TrackingRepository } from './tracking.repository';

const FLUSH_MS = 200;
/** The ETA's notion of recent pace: the last few fixes' speeds. */
const RECENT_SPEEDS = 5;
const REPAIR_WINDOW_MINUTES = 30;

/**
 * The newest fix of every truck and pump. Judged in memory as batches commit,
 * so the map moves at once and never backwards; written to the database a few
 * times a second, one row per vehicle, however many fixes came in between.
 */
@Injectable()
export class LatestPositions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LatestPositions.name);
  private readonly newestFixMs = new Map<string, number>();
  private readonly recentSpeedsKmh = new Map<string, number[]>();
  private pending = new Map<string, LatestUpdate>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly repository: TrackingRepository,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A stop between a commit and the next flush leaves history ahead of the table: catch up from it.
    await this.repository.repairLatest(REPAIR_WINDOW_MINUTES);
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
  }

  /** Returns the fixes that moved their vehicle forward in time; late and repeated ones do not. */
  offer(stored: StoredPosition[]): StoredPosition[] {
    const advanced: StoredPosition[] = [];
    for (const item of stored) {
      const key = `${item.device.entityType}:${item.device.entityId}`;
      const fixMs = item.report.fixTime.getTime();
      if (fixMs <= (this.newestFixMs.get(key) ?? -Infinity)) continue;
      this.newestFixMs.set(key, fixMs);
      const speeds = this.recentSpeedsKmh.get(key) ?? [];
      if (item.report.speedKmh !== null) speeds.push(item.report.speedKmh);
      this.recentSpeedsKmh.set(key, speeds.slice(-RECENT_SPEEDS));
      this.pending.set(key, { ...item, recentSpeedsKmh: this.recentSpeedsKmh.get(key)! });
      advanced.push(item);
    }
    // Within one batch a vehicle may advance twice; only its newest fix is its position.
    const newest = new Map(advanced.map((item) => [`${item.device.entityType}:${item.device.entityId}`, item]));
    return [...newest.values()];
  }

  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Map();
      try {
        await this.dataSource.transaction((manager) => this.repository.advanceLatest(manager, [...batch.values()]));
      } catch (error) {
        // History holds every fix already; keep these for the next try unless newer ones arrived.
        for (const [key, item] of batch) if (!this.pending.has(key)) this.pending.set(key, item);
        this.logger.warn(`latest positions not written yet: ${String(error)}`);
      }
    });
    return this.writing;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
