import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Notification, PoolClient } from 'pg';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LIVE_OUTBOX_CHANNEL, LiveEventsRepository, type NumberedEvent } from './live-events.repository';
import { LivePublisher } from './live-publisher.service';
import { roomsForProject } from './live-rooms';

// Any constant shared by all instances: the session holding it is the relay.
const RELAY_LOCK_ID = 7_305_114;
const BATCH = 1_000;
/** A missed NOTIFY costs at most this much delay. */
const POLL_MS = 500;
/** How often an instance that does not lead checks whether the leader is gone. */
const TAKEOVER_MS = 1_000;

/** Runs inside the numbering transaction: what the deployment derives from numbered events (alerts). */
export type NumberedHook = (manager: EntityManager, events: readonly NumberedEvent[]) => Promise<void>;

/**
 * One relay per deployment: the instance whose database session holds an
 * advisory lock numbers committed outbox rows and pushes them, strictly in
 * number order, through the socket.io namespace (with the Redis adapter that
 * reaches every instance's sockets). When the leader dies its session ends,
 * the lock frees and another instance takes over within about a second,
 * pushing again from the last number recorded as pushed: a console may see a
 * number twice across a takeover and drops it; it never misses one.
 */
@Injectable()
export class LiveRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveRelay.name);
  private readonly hooks: NumberedHook[] = [];
  private stopped = false;
  private running: Promise<void> | undefined;
  private pending = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: LiveEventsRepository,
    private readonly publisher: LivePublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onNumbered(hook: NumberedHook): void {
    this.hooks.push(hook);
  }

  onApplicationBootstrap(): void {
    if (this.config.liveRelay) this.running = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.nudge();
    await this.running;
  }

  private nudge = (): void => {
    this.pending = true;
    this.wake?.();
  };

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.leadIfFree();
      } catch (error) {
        this.logger.warn(`live relay: ${String(error)}`);
      }
      await this.idle(TAKEOVER_MS);
    }
  }

  private async leadIfFree(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let broken = false;
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK_ID]);
      if (!locked) return;
      this.logger.log('this instance relays live events');
      const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
      const onNotification = (message: Notification) => {
        if (message.channel === LIVE_OUTBOX_CHANNEL) this.nudge();
      };
      client.on('notification', onNotification);
      try {
        await runner.query(`LISTEN ${LIVE_OUTBOX_CHANNEL}`);
        await this.relay(runner);
      } catch (error) {
        broken = true;
        throw error;
      } finally {
        client.off('notification', onNotification);
        if (!broken)
          await runner.query(`UNLISTEN *; SELECT pg_advisory_unlock(${RELAY_LOCK_ID})`).catch(() => undefined);
      }
    } finally {
      // A session that failed may still hold the lock: drop it rather than pool it.
      const postgres = runner as unknown as { releasePostgresConnection(error?: Error): Promise<void> };
      await postgres.releasePostgresConnection(broken ? new Error('live relay session failed') : undefined);
    }
  }

  private async relay(runner: QueryRunner): Promise<void> {
    let published = (await this.events.state(runner.manager)).publishedSeq;
    while (!this.stopped) {
      this.pending = false;
      const numbered = await this.numberBatch(runner);
      const pushed = await this.push(runner.manager, published);
      if (pushed > published) await this.events.markPublished(runner.manager, pushed);
      if (numbered === 0 && pushed === published) await this.idle(POLL_MS);
      published = pushed;
    }
  }

  private async numberBatch(runner: QueryRunner): Promise<number> {
    await runner.startTransaction();
    try {
      const events = await this.events.numberOutbox(runner.manager, BATCH);
      for (const hook of this.hooks) await hook(runner.manager, events);
      await runner.commitTransaction();
      return events.length;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  }

  /** Pushes numbered events after `published` in order; returns the last number pushed. */
  private async push(manager: EntityManager, published: number): Promise<number> {
    const namespace = this.publisher.attached;
    if (!namespace) return published;
    let last = published;
    for (const event of await this.events.after(manager, published, BATCH)) {
      namespace
        .to(roomsForProject(event.projectId))
        .emit(event.type, { seq: event.seq, at: event.at.toISOString(), payload: event.payload });
      last = event.seq;
    }
    return last;
  }

  private idle(ms: number): Promise<void> {
    if (this.stopped || this.pending) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
