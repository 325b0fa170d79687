import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDeadlineAtRisk } from '@pourline/domain';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { LoadViews } from './load-views.service';
import { LoadEntity } from './load.entity';

// Any constant shared by all instances: one instance watches at a time.
const WATCH_LOCK_ID = 7_305_113;

/**
 * Raises a deadline-at-risk alert once per load whose concrete may go off
 * before it is poured, so the dispatch room acts while there is still time.
 */
@Injectable()
export class DeadlineWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWatch.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly views: LoadViews,
    private readonly live: LivePublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.check().catch((error) => this.logger.warn(String(error))),
      this.config.deadlineWatchMs,
    );
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [WATCH_LOCK_ID]);
      if (!locked) return 0;
      try {
        return await this.raiseNewRisks();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [WATCH_LOCK_ID]);
      }
    } finally {
      await runner.release();
    }
  }

  private async raiseNewRisks(): Promise<number> {
    const loads = await this.dataSource
      .getRepository(LoadEntity)
      .createQueryBuilder('load')
      .leftJoinAndSelect('load.truck', 'truck')
      .leftJoinAndSelect('load.mix', 'mix')
      .leftJoinAndSelect('load.pour', 'pour')
      .where('load.status IN (:...statuses)', { statuses: ['released', 'en_route', 'on_site'] })
      .andWhere('load.rejected = false')
      .andWhere('NOT EXISTS (SELECT 1 FROM load_deadline_risks risk WHERE risk.load_id = load.id)')
      .getMany();
    if (loads.length === 0) return 0;
    let count = 0;
    for (const view of await this.views.many(loads)) {
      const atRisk = isDeadlineAtRisk({ ...view, etaBeatsDeadline: view.eta?.beatsDeadline ?? null });
      if (!atRisk) continue;
      const projectId = loads.find((load) => load.id === view.id)?.pour?.projectId ?? null;
      const raised = await this.dataSource.transaction(async (manager) => {
        const rows: unknown[] = await manager.query(
          'INSERT INTO load_deadline_risks (load_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING load_id',
          [view.id],
        );
        if (rows.length > 0) await this.live.publish(manager, 'load.deadline_risk.v1', projectId, { load: view });
        return rows.length > 0;
      });
      if (raised) count += 1;
    }
    return count;
  }
}
