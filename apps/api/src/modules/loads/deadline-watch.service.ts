import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDeadlineAtRisk, type LoadStatus, minutesToDeadline, NOT_YET_POURED } from '@pourline/domain';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { filterInSlices } from '../../platform/event-loop/in-slices';
import { type EtaSubject, loadEta } from './load-eta';
import { LoadViews } from './load-views.service';
import { LoadEntity } from './load.entity';
import { LoadsRepository } from './loads.repository';

// Any constant shared by all instances: one instance watches at a time.
const WATCH_LOCK_ID = 7_305_113;

/** A load not yet poured and not yet alerted, with what its ETA and deadline are judged by. */
interface RiskCandidate {
  id: string;
  status: LoadStatus;
  rejected: boolean;
  truckId: string | null;
  pourId: string | null;
  volumeM3: number;
  dischargeDeadline: Date | null;
}

type PourRoute = NonNullable<EtaSubject['pour']> & { id: string };

const CANDIDATES = `
  SELECT id, status, rejected, truck_id AS "truckId", pour_id AS "pourId", volume_m3 AS "volumeM3",
         discharge_deadline AS "dischargeDeadline"
    FROM loads load
   WHERE status = ANY($1) AND rejected = false
     AND NOT EXISTS (SELECT 1 FROM load_deadline_risks risk WHERE risk.load_id = load.id)`;

/** Read once per pour, not once per load: a route is long. */
const POUR_ROUTES = `
  SELECT id, entry_route AS "entryRoute", pump_position AS "pumpPosition", end_point AS "endPoint",
         pour_rate_m3_per_hour AS "pourRateM3PerHour"
    FROM pours WHERE id = ANY($1::uuid[])`;

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
    private readonly loads: LoadsRepository,
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

  /**
   * Thousands of loads may be on the road: each is judged from the few
   * columns the test reads, a few hundred between two turns of the event loop
   * (trackers and consoles wait on it), and only a load found at risk is read
   * whole for the alert people see.
   */
  private async raiseNewRisks(): Promise<number> {
    const candidates: RiskCandidate[] = await this.dataSource.query(CANDIDATES, [NOT_YET_POURED]);
    if (candidates.length === 0) return 0;
    const now = new Date();
    const pourIds = [...new Set(candidates.flatMap((load) => (load.pourId ? [load.pourId] : [])))];
    const [pours, fixes] = await Promise.all([
      this.dataSource.query(POUR_ROUTES, [pourIds]) as Promise<PourRoute[]>,
      this.loads.latestTruckFixes(candidates.flatMap((load) => (load.truckId ? [load.truckId] : []))),
    ]);
    const pourById = new Map(pours.map((pour) => [pour.id, pour]));
    const atRisk = await filterInSlices(candidates, (load) => {
      const pour = load.pourId ? pourById.get(load.pourId) : undefined;
      const eta = loadEta({ ...load, pour }, load.truckId ? fixes.get(load.truckId) : undefined, now);
      return isDeadlineAtRisk({
        status: load.status,
        rejected: load.rejected,
        // Rounded as the load's view shows it, so the alert and the view agree.
        minutesToDeadline: load.dischargeDeadline ? Math.round(minutesToDeadline(load.dischargeDeadline, now)) : null,
        etaBeatsDeadline: eta?.beatsDeadline ?? null,
      });
    });
    if (atRisk.length === 0) return 0;
    const loads = await this.dataSource
      .getRepository(LoadEntity)
      .createQueryBuilder('load')
      .leftJoinAndSelect('load.truck', 'truck')
      .leftJoinAndSelect('load.mix', 'mix')
      .leftJoinAndSelect('load.pour', 'pour')
      .where('load.id IN (:...ids)', { ids: atRisk.map((load) => load.id) })
      .getMany();
    let count = 0;
    for (const view of await this.views.many(loads)) {
      // Judged again as the alert will show it: the load may have moved on since.
      if (!isDeadlineAtRisk({ ...view, etaBeatsDeadline: view.eta?.beatsDeadline ?? null })) continue;
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
