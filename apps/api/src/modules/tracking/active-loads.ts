import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { LineString, Polygon } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import { LoadViews } from '../loads/load-views.service';
import { TRUCK_BUSY_STATUSES } from '../loads/load.entity';

export interface ActiveLoad {
  loadId: string;
  truckId: string;
  status: LoadStatus;
  pourId: string;
  projectId: string;
  plantId: string;
  plantFence: Polygon;
  siteFence: Polygon;
  entryRoute: LineString;
}

/** What a change notice names: the row that changed (see the migration that announces them). */
type ChangedKind = 'load' | 'pour' | 'project' | 'plant';
const KEY_OF: Record<ChangedKind, keyof ActiveLoad> = {
  load: 'loadId',
  pour: 'pourId',
  project: 'projectId',
  plant: 'plantId',
};
const COLUMN_OF: Record<ChangedKind, string> = {
  load: 'load.id',
  pour: 'pour.id',
  project: 'project.id',
  plant: 'plant.id',
};

const CHANNEL = 'active_loads';
/** While change notices arrive, a full reload is only a safety net. */
const LISTENING_REFRESH_MS = 60_000;
/** Without them (the notice connection is down), the view must not be older than this. */
const DEAF_REFRESH_MS = 2_000;
const RECONNECT_MS = 1_000;

const SELECT = `SELECT load.id AS "loadId", load.truck_id AS "truckId", load.status, load.pour_id AS "pourId",
                       pour.project_id AS "projectId", load.plant_id AS "plantId", plant.geofence AS "plantFence",
                       project.geofence AS "siteFence", pour.entry_route AS "entryRoute"
                  FROM loads load
                  JOIN pours pour ON pour.id = load.pour_id
                  JOIN projects project ON project.id = pour.project_id
                  JOIN plants plant ON plant.id = load.plant_id
                 WHERE load.truck_id IS NOT NULL AND load.status = ANY($1)`;

/**
 * Which load each truck is on, with the fences it may cross. Ingest asks for
 * every position, so it is kept in memory; every instance keeps it current
 * from the database's change notices (a load stepped on any instance, a fence
 * redrawn), reloading only the rows that changed.
 */
@Injectable()
export class ActiveLoads implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ActiveLoads.name);
  private byTruck = new Map<string, ActiveLoad>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;
  /** Reloads apply in the order the changes were announced. */
  private changes: Promise<void> = Promise.resolve();
  private listener: Client | undefined;
  private listening = false;
  private reconnect: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly views: LoadViews,
  ) {}

  onModuleInit(): void {
    // This instance's own steps are known at once, without waiting for the notice.
    this.views.on('changed', (load: { id: string }) => void this.reload('load', load.id));
    void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    await this.listener?.end().catch(() => undefined);
  }

  async forTruck(truckId: string): Promise<ActiveLoad | undefined> {
    await this.fresh();
    return this.byTruck.get(truckId);
  }

  async all(): Promise<ActiveLoad[]> {
    await this.fresh();
    return [...this.byTruck.values()];
  }

  /** Reloads the active loads that a change of this row may have touched, and only those. */
  reload(kind: ChangedKind, id: string): Promise<void> {
    this.changes = this.changes
      .then(async () => {
        const rows: ActiveLoad[] = await this.dataSource.query(`${SELECT} AND ${COLUMN_OF[kind]} = $2`, [
          TRUCK_BUSY_STATUSES,
          id,
        ]);
        const key = KEY_OF[kind];
        for (const [truckId, load] of this.byTruck) if (load[key] === id) this.byTruck.delete(truckId);
        for (const row of rows) this.byTruck.set(row.truckId, row);
      })
      .catch((error: unknown) => {
        // Unsure what changed: the next read reloads everything.
        this.logger.warn(`active loads for ${kind} ${id} not reloaded: ${String(error)}`);
        this.loadedAt = 0;
      });
    return this.changes;
  }

  private async fresh(): Promise<void> {
    const maxAgeMs = this.listening ? LISTENING_REFRESH_MS : DEAF_REFRESH_MS;
    if (Date.now() - this.loadedAt < maxAgeMs) return;
    if (!this.loading) {
      const startedAt = Date.now();
      // In line with the reloads of single changes: those announced before run first, later ones after.
      this.loading = this.changes
        .then(async () => {
          const rows: ActiveLoad[] = await this.dataSource.query(SELECT, [TRUCK_BUSY_STATUSES]);
          this.byTruck = new Map(rows.map((row) => [row.truckId, row]));
          this.loadedAt = startedAt;
        })
        .catch((error: unknown) => {
          // The database is away: the last view is the best there is, and the next read tries again.
          this.logger.warn(`active loads not reloaded: ${String(error)}`);
        })
        .finally(() => {
          this.loading = undefined;
        });
      this.changes = this.loading.catch(() => undefined);
    }
    await this.loading;
  }

  /** One connection per instance listens for change notices; when it drops, it comes back and reloads all. */
  private async listen(): Promise<void> {
    if (this.closed) return;
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url });
    const lost = (reason: unknown) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = false;
      this.loadedAt = 0;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(`load change notices lost (${String(reason)}); reconnecting`);
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
      this.reconnect.unref();
    };
    this.listener = client;
    client.on('error', lost);
    client.on('end', () => lost('connection ended'));
    client.on('notification', (message) => {
      const [kind, id] = (message.payload ?? '').split(':');
      if (kind in KEY_OF && id) void this.reload(kind as ChangedKind, id);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.listener !== client) return;
      this.listening = true;
      // Whatever changed while nobody listened is read afresh.
      this.loadedAt = 0;
    } catch (error) {
      lost(error);
    }
  }
}
