import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type {
  ComplaintOverduePayload,
  ComplaintTimerSettingDto,
  ComplaintTimerSettingRequest,
  CurrentUser,
} from '@pourline/contracts';
import {
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  type ComplaintTimerMinutes,
  DEFAULT_COMPLAINT_TIMERS,
  overdueComplaintTimers,
} from '@pourline/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { complaintNumber, reachedStates } from './complaint.mapper';
import { ComplaintsRepository } from './complaints.repository';

/** How often the service promises are looked at; a promise is minutes long, so a minute is close enough. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The service promises of complaints (acknowledge, first response, resolve),
 * set per category: a broken one is raised once as an alert, and the alert is
 * resolved when the step that keeps it is taken.
 */
@Injectable()
export class ComplaintTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ComplaintTimers.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly live: LivePublisher,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: Error) => this.logger.warn(`complaint timers: ${error.message}`));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async settings(): Promise<ComplaintTimerSettingDto[]> {
    const saved = await this.savedMinutes();
    return COMPLAINT_CATEGORIES.map((category) => ({
      category,
      minutes: saved.get(category) ?? DEFAULT_COMPLAINT_TIMERS[category],
      isDefault: !saved.has(category),
    }));
  }

  async minutesFor(category: ComplaintCategory): Promise<ComplaintTimerMinutes> {
    return (await this.minutesByCategory())[category];
  }

  /** Every category's promises: the producer's own where set, the defaults elsewhere. */
  async minutesByCategory(): Promise<Record<ComplaintCategory, ComplaintTimerMinutes>> {
    const saved = await this.savedMinutes();
    return Object.fromEntries(
      COMPLAINT_CATEGORIES.map((category) => [category, saved.get(category) ?? DEFAULT_COMPLAINT_TIMERS[category]]),
    ) as Record<ComplaintCategory, ComplaintTimerMinutes>;
  }

  private async savedMinutes(): Promise<Map<ComplaintCategory, ComplaintTimerMinutes>> {
    const rows = await this.complaints.timerSettings();
    return new Map(
      rows.map((row) => [
        row.category,
        { acknowledge: row.acknowledgeMinutes, first_response: row.firstResponseMinutes, resolve: row.resolveMinutes },
      ]),
    );
  }

  async setMinutes(
    category: ComplaintCategory,
    minutes: ComplaintTimerSettingRequest,
    actor: CurrentUser,
  ): Promise<ComplaintTimerSettingDto> {
    await this.complaints.saveTimerSetting({
      category,
      acknowledgeMinutes: minutes.acknowledge,
      firstResponseMinutes: minutes.first_response,
      resolveMinutes: minutes.resolve,
      updatedByName: actor.displayName,
    });
    return { category, minutes: { ...minutes }, isDefault: false };
  }

  /** Raises the promises broken by now; one sweep at a time. Returns how many were raised. */
  sweep(): Promise<number> {
    this.sweeping ??= this.raiseOverdue().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async raiseOverdue(): Promise<number> {
    const now = this.clock.now();
    const open = await this.complaints.open();
    const minutes = await this.minutesByCategory();
    const steps = await this.complaints.stepsOf(open.map((complaint) => complaint.id));
    let raised = 0;
    for (const complaint of open) {
      const reached = reachedStates(steps.filter((step) => step.complaintId === complaint.id));
      const promised = minutes[complaint.category];
      for (const timer of overdueComplaintTimers(complaint.receivedAt, promised, reached, now)) {
        const payload: ComplaintOverduePayload = {
          complaintId: complaint.id,
          number: complaintNumber(complaint.serial),
          category: complaint.category,
          timer,
          dueAt: new Date(complaint.receivedAt.getTime() + promised[timer] * 60_000).toISOString(),
          title: complaint.title,
        };
        await this.dataSource.transaction(async (manager) => {
          if (!(await this.complaints.markOverdue(manager, complaint.id, timer, now))) return;
          await this.live.publish(manager, 'complaint.overdue.v1', complaint.projectId, payload);
          raised += 1;
        });
      }
    }
    await this.dataSource.transaction((manager) => this.resolveAlerts(manager, now));
    return raised;
  }

  /** Announces the alerts whose complaint step has been taken since they were raised. */
  async resolveAlerts(manager: EntityManager, now: Date): Promise<void> {
    for (const alert of await this.complaints.resolveAlerts(manager, now)) {
      await this.live.publish(manager, 'alert.resolved.v1', alert.project_id, {
        seq: Number(alert.seq),
        at: now.toISOString(),
      });
    }
  }
}
