import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { Clock } from '../clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LiveEventsRepository } from '../live/live-events.repository';
import { planPartitions } from './daily-partitions';
import { type DailyTable, PartitionsRepository } from './partitions.repository';

// Any constant shared by all instances: one instance maintains partitions at a time.
const RETENTION_LOCK_ID = 7_305_115;
/** Partitions are made days ahead, so an hourly run has a wide margin. */
const RUN_EVERY_MS = 60 * 60_000;
/**
 * Adding or dropping a partition briefly locks the whole table: rather than
 * queue ingest behind a long reader, give up and try again next run.
 */
const LOCK_TIMEOUT = '5s';

interface Retained extends DailyTable {
  retentionDays: number;
  /** The event log: what is dropped is recorded, so replay can say it is gone. */
  numbered: boolean;
}

export interface RetentionReport {
  created: string[];
  dropped: string[];
  /** `<table>_default` rows of a day older than the retention, deleted. */
  purged: string[];
  /** Left for a later run: a partition holding events not yet pushed, or an operation that failed. */
  skipped: string[];
}

/**
 * Keeps the event log and position history partitioned by day: partitions
 * ready for the days ahead, rows that fell into the default partition moved
 * into their day, and days older than the retention dropped whole (no DELETE
 * of old rows). Dropping events records the highest number dropped, so a
 * console resuming from before it is told of the gap instead of missing
 * events silently. One instance at a time (an advisory lock), at start and
 * every hour.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly partitions: PartitionsRepository,
    private readonly events: LiveEventsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
    this.timer = setInterval(this.schedule, RUN_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private schedule = (): void => {
    if (this.running) return;
    this.running = this.run()
      .catch((error: unknown) => this.logger.warn(`retention: ${String(error)}`))
      .finally(() => (this.running = undefined));
  };

  /** One pass over both tables; undefined when another instance holds the lock. */
  async run(): Promise<RetentionReport | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [RETENTION_LOCK_ID]);
      if (!locked) return undefined;
      try {
        const report: RetentionReport = { created: [], dropped: [], purged: [], skipped: [] };
        const tables: Retained[] = [
          { table: 'live_events', timeColumn: 'at', retentionDays: this.config.eventRetentionDays, numbered: true },
          {
            table: 'positions',
            timeColumn: 'fix_time',
            retentionDays: this.config.positionRetentionDays,
            numbered: false,
          },
        ];
        for (const retained of tables) await this.maintain(runner, retained, report);
        if (report.created.length + report.dropped.length + report.purged.length + report.skipped.length > 0) {
          this.logger.log(`retention: ${JSON.stringify(report)}`);
        }
        return report;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK_ID]);
      }
    } finally {
      await runner.release();
    }
  }

  private async maintain(runner: QueryRunner, retained: Retained, report: RetentionReport): Promise<void> {
    const { table, timeColumn } = retained;
    const plan = planPartitions(
      table,
      this.clock.now(),
      retained.retentionDays,
      await this.partitions.partitionsOf(retained),
      await this.partitions.daysInDefault(retained),
    );
    for (const day of plan.purge) {
      const label = `${table}_default@${day.toISOString().slice(0, 10)}`;
      await this.step(runner, report, label, async (manager) => {
        if (retained.numbered) {
          const seq = await this.partitions.highestSeq(manager, `${table}_default`, { timeColumn, day });
          if (!(await this.forgetEvents(manager, seq))) return false;
        }
        await this.partitions.purgeDefaultDay(manager, retained, day);
        report.purged.push(label);
        return true;
      });
    }
    for (const day of plan.create) {
      await this.step(runner, report, `${table}@${day.toISOString().slice(0, 10)}`, async (manager) => {
        report.created.push(await this.partitions.createDay(manager, retained, day));
        return true;
      });
    }
    for (const { name } of plan.drop) {
      await this.step(runner, report, name, async (manager) => {
        if (retained.numbered && !(await this.forgetEvents(manager, await this.partitions.highestSeq(manager, name))))
          return false;
        await this.partitions.dropPartition(manager, name);
        report.dropped.push(name);
        return true;
      });
    }
  }

  /** Records that events up to `seq` are gone; refuses while any of them waits to be pushed. */
  private async forgetEvents(manager: EntityManager, seq: number): Promise<boolean> {
    const { publishedSeq } = await this.events.state(manager);
    if (seq > publishedSeq) return false;
    if (seq > 0) await this.events.markPruned(manager, seq);
    return true;
  }

  /** One change in its own transaction: it happens whole or not at all, and a failure leaves the rest to run. */
  private async step(
    runner: QueryRunner,
    report: RetentionReport,
    label: string,
    work: (manager: EntityManager) => Promise<boolean>,
  ): Promise<void> {
    await runner.startTransaction();
    try {
      await runner.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      if (await work(runner.manager)) await runner.commitTransaction();
      else {
        await runner.rollbackTransaction();
        report.skipped.push(label);
      }
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      report.skipped.push(label);
      this.logger.warn(`retention: ${label}: ${String(error)}`);
    }
  }
}
