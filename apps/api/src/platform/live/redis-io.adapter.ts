import type { INestApplicationContext } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import type { OriginPolicy } from '../http/origin-policy';
import { LiveIoAdapter } from './live-io.adapter';
import type { RedisHealth } from './redis-health';

/**
 * Shares rooms and broadcasts between API instances through Redis. A lost
 * link is logged once when it breaks and once when it is back, and shown in
 * GET /api/health; the client reconnects by itself.
 */
export class RedisIoAdapter extends LiveIoAdapter {
  private adapter: ReturnType<typeof createAdapter> | undefined;
  private clients: { quit(): Promise<unknown> }[] = [];

  constructor(
    app: INestApplicationContext,
    origins: OriginPolicy,
    private readonly redisUrl: string,
    private readonly health: RedisHealth,
    private readonly log: { warn(line: string): void; info(line: string): void },
    worker?: string,
  ) {
    super(app, origins, worker);
  }

  async connect(): Promise<void> {
    const publisher = createClient({ url: this.redisUrl });
    const subscriber = publisher.duplicate();
    const links = new Map<string, boolean>([
      ['publisher', false],
      ['subscriber', false],
    ]);
    const watch = (name: string, client: typeof publisher) => {
      client.on('error', (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.health.lastError = `${name}: ${message}`;
        this.health.lastErrorAt = new Date();
        if (links.get(name) !== false || this.health.state !== 'down') {
          this.log.warn(`Redis ${name} link failed, live events are not shared until it is back: ${message}`);
        }
        links.set(name, false);
        this.health.state = 'down';
      });
      client.on('ready', () => {
        links.set(name, true);
        if ([...links.values()].every(Boolean)) {
          if (this.health.state === 'down') this.log.info('Redis links are back; live events are shared again');
          this.health.state = 'up';
        }
      });
    };
    watch('publisher', publisher);
    watch('subscriber', subscriber);
    await Promise.all([publisher.connect(), subscriber.connect()]);
    this.clients = [publisher, subscriber];
    this.adapter = createAdapter(publisher as never, subscriber as never);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    if (this.adapter) server.adapter(this.adapter);
    return server;
  }

  async disconnectRedis(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.quit().catch(() => undefined)));
  }
}
