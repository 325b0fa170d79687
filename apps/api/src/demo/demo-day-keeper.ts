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
 * Keeps the demo on today, by the clock it is given: what a past day left open
 * is closed, and a day is planned for today when nothing is, both at start and
 * every `checkEveryMs` after, so a demo left running over midnight rolls over.
 */
export class DemoDayKeeper {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;

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
    const open = await this.app.get(PoursRepository).findOpen();
    const today = localDateInZone(now, DEMO_TIME_ZONE);
    const planned = await this.app.get(PoursService).list({ page: 1, pageSize: 1, day: today }, actors.planner);
    const plan = planDemoDay(
      now,
      DEMO_TIME_ZONE,
      open.map((pour) => ({
        id: pour.id,
        status: pour.status,
        scheduledStart: pour.scheduledStart,
        timeZone: pour.plant?.timeZone ?? DEMO_TIME_ZONE,
      })),
      planned.total,
    );
    for (const id of plan.close) await this.close(id, actors.fleet);
    if (plan.seedToday) await seedToday(this.app, actors, plan.today, now, this.log);
  }

  private async close(id: string, fleet: CurrentUser): Promise<void> {
    const closed = await closeDemoPour(this.app, id, fleet);
    if (!closed) return;
    this.log(
      `demo: a past day's pour ${id} was ${closed.from}: ${closed.to}, ${closed.loadsSettled} open loads settled, ` +
        `${closed.deliveredM3} m³ delivered`,
    );
  }
}
