import { Client } from 'pg';
import type { DataSource } from 'typeorm';

const RECONNECT_MS = 1_000;

export interface ChangeNoticeHandlers {
  /** A change was committed; the payload is what its trigger sent. */
  notice(payload: string): void;
  /** Notices flow (again): whatever changed while nobody listened must be read afresh. */
  listening(): void;
  /** Notices stopped; the connection comes back by itself. */
  lost(reason: string): void;
}

/**
 * One connection that LISTENs on a channel and comes back a second after it
 * drops. NOTIFY is delivered on commit only, so a notice always names a change
 * every instance can read; while the connection is down, notices are missed and
 * `listening()` on its return says so.
 */
export class ChangeNotices {
  private client: Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly url: string | undefined;
  private flowing = false;

  constructor(
    dataSource: DataSource,
    private readonly channel: string,
    private readonly handlers: ChangeNoticeHandlers,
  ) {
    this.url = (dataSource.options as { url?: string }).url;
  }

  /** Whether notices flow now; while not, changes go unannounced. */
  get listening(): boolean {
    return this.flowing;
  }

  start(): void {
    void this.listen();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.url });
    const lost = (reason: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.flowing = false;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.handlers.lost(String(reason));
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
      this.reconnect.unref();
    };
    this.client = client;
    client.on('error', lost);
    client.on('end', () => lost('connection ended'));
    client.on('notification', (message) => this.handlers.notice(message.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.client !== client) return;
      this.flowing = true;
      this.handlers.listening();
    } catch (error) {
      lost(error);
    }
  }
}
