import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { AutoDispatch } from './auto-dispatch.service';
import { DispatchPlanner } from './dispatch-planner.service';
import { FlowAlerts } from './flow-alerts.service';

// Any constant shared by all instances: one instance dispatches and watches at a time.
const DISPATCH_LOCK_ID = 7_305_115;

export interface TickResult {
  created: number;
  raised: number;
  resolved: number;
}

/**
 * The dispatch room's heartbeat: re-plans the day, lets the auto switch
 * order what is due and raises or resolves the flow alerts. Time is the
 * injected clock's, so a test moves the day forward without waiting.
 */
@Injectable()
export class DispatchTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DispatchTicker.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickResult> | undefined;

  constructor(
    private readonly planner: DispatchPlanner,
    private readonly auto: AutoDispatch,
    private readonly alerts: FlowAlerts,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.tick().catch((error) => this.logger.warn(String(error))),
      this.config.dispatchTickMs,
    );
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One beat; a beat already under way is joined, not doubled. */
  tick(): Promise<TickResult> {
    this.running ??= this.beat().finally(() => (this.running = undefined));
    return this.running;
  }

  private async beat(): Promise<TickResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [DISPATCH_LOCK_ID]);
      if (!locked) return { created: 0, raised: 0, resolved: 0 };
      try {
        const plan = await this.planner.replan();
        const created = await this.auto.run(plan);
        const after = created.length > 0 ? await this.planner.replan() : plan;
        const { raised, resolved } = await this.alerts.check(after);
        return { created: created.length, raised, resolved };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [DISPATCH_LOCK_ID]);
      }
    } finally {
      await runner.release();
    }
  }
}
