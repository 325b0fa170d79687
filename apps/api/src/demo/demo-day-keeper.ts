import type { INestApplication } from '@nestjs/common';
import type { CurrentUser } from '@pourline/contracts';
import { localDateInZone } from '@pourline/domain';
import type { Clock } from '../platform/clock/clock';
import { PoursRepository } from '../modules/pours/pours.repository';
import { PoursService } from '../modules/pours/pours.service';
import { closeDemoPour } from './demo-day-closer';
import type { DemoDayActors } from './demo-day-seeder';
import { seedToday } from './demo-day-seeder';
import { planDemoDay } from './demo-day';
import { DEMO_TIME_ZONE } from './demo-places';

type Log = (line: string) => void;

/**
 * Runs `work` while nothing else moves the demo's loads: the demo fleet stands
 * still and the fences have judged every position they had. A day's history is
 * written step by step; a truck or a fence acting in between would tangle it.
 */
export type WhileFleetStandsStill = (work: () => Promise<void>) => Promise<void>;

/**
 * Keeps the demo on today, by the clock it is given: what a past day left open
 * is closed, and a day is planned for today when nothing is, both at start and
 * every `checkEveryMs` after, so a demo left running over midnight rolls over.
 */
export class DemoDayKeeper {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;
  /**
   * Tried once each, so a pour that cannot be closed or a day that cannot be
   * planned (demo master data changed by hand) is not tried, and the fleet
   * not stopped for it, every minute.
   */
  private readonly unclosable = new Set<string>();
  private dayNotPlanned: string | null = null;
  /** Set once the demo fleet runs; until then nothing else moves loads. */
  whileFleetStandsStill: WhileFleetStandsStill = (work) => work();

  constructor(
    private readonly app: INestApplication,
    private readonly clock: Clock,
    private readonly actors: () => Promise<DemoDayActors>,
    private readonly log: Log,
  ) {}

  /** One look at the day; a look already under way is waited for, not doubled. */
  check(): Promise<void> {
    this.checking ??= this.look().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  start(checkEveryMs: number): void {
    this.timer = setInterval(() => {
      this.check().catch((error: unknown) => this.log(`demo: day check failed: ${String(error)}`));
    }, checkEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
  }

  private async look(): Promise<void> {
    const now = this.clock.now();
    const actors = await this.actors();
    const unfinished = await this.app.get(PoursRepository).findUnfinished();
    const today = localDateInZone(now, DEMO_TIME_ZONE);
    const planned = await this.app.get(PoursService).list({ page: 1, pageSize: 1, day: today }, actors.planner);
    const plan = planDemoDay(
      now,
      DEMO_TIME_ZONE,
      unfinished.map(({ pour, openLoads }) => ({
        id: pour.id,
        status: pour.status,
        scheduledStart: pour.scheduledStart,
        timeZone: pour.plant?.timeZone ?? DEMO_TIME_ZONE,
        openLoads,
      })),
      planned.total,
    );
    const close = plan.close.filter((id) => !this.unclosable.has(id));
    const seed = plan.seedToday && this.dayNotPlanned !== plan.today;
    if (close.length === 0 && !seed) return;
    await this.whileFleetStandsStill(async () => {
      for (const id of close) await this.close(id, actors.fleet);
      if (!seed) return;
      const seeded = await seedToday(this.app, actors, plan.today, this.clock.now(), this.log);
      if (seeded === 0) this.dayNotPlanned = plan.today;
    });
  }

  private async close(id: string, fleet: CurrentUser): Promise<void> {
    const closed = await closeDemoPour(this.app, id, fleet).catch((error: unknown) => {
      this.unclosable.add(id);
      this.log(`demo: a past day's pour ${id} could not be closed: ${String(error)}`);
      return null;
    });
    if (!closed) return;
    const outcome = closed.from === closed.to ? `stays ${closed.to}` : `was ${closed.from}: ${closed.to}`;
    this.log(
      `demo: a past day's pour ${id} ${outcome}, ${closed.loadsSettled} open loads settled, ` +
        `${closed.deliveredM3} m³ delivered`,
    );
  }
}
