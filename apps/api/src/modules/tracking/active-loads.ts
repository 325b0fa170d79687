import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { ChangeNotices } from '../../platform/database/change-notices';
import { LoadViews } from '../loads/load-views.service';
import { TRUCK_BUSY_STATUSES } from '../loads/load.entity';
import {
  type ActiveLoad,
  type ActiveLoadKey,
  ActiveLoadsView,
  type ChangedKind,
  KEY_OF,
  type LoadStep,
} from './active-loads-view';

export type { ActiveLoad } from './active-loads-view';

const COLUMN_OF: Record<ChangedKind, string> = {
  load: 'load.id',
  pour: 'pour.id',
  project: 'project.id',
  plant: 'plant.id',
};

const CHANNEL = 'active_loads';
/** Without change notices (the notice connection is down), the view is reconciled this often. */
const DEAF_RECONCILE_MS = 2_000;
/** After a failed read, the view is reconciled whole this soon. */
const RETRY_READ_MS = 1_000;
/** Notices arriving together are read together: one query per kind, not one per load. */
const COALESCE_MS = 5;

const FROM = `FROM loads load
                  JOIN pours pour ON pour.id = load.pour_id
                  JOIN projects project ON project.id = pour.project_id
                  JOIN plants plant ON plant.id = load.plant_id
                 WHERE load.truck_id IS NOT NULL AND load.status = ANY($1)`;
const KEY_COLUMNS = `load.id AS "loadId", load.truck_id AS "truckId", load.status, load.pour_id AS "pourId",
                     pour.project_id AS "projectId", load.plant_id AS "plantId",
                     md5(jsonb_build_array(plant.geofence, project.geofence, pour.entry_route)::text) AS "shapeKey"`;
const SELECT = `SELECT ${KEY_COLUMNS}, plant.geofence AS "plantFence", project.geofence AS "siteFence",
                       pour.entry_route AS "entryRoute" ${FROM}`;
/** A reconcile reads the shapes only of the loads whose key it finds changed. */
const SELECT_KEYS = `SELECT ${KEY_COLUMNS} ${FROM}`;

/**
 * Which load each truck is on, with the fences it may cross. Ingest asks for
 * every position, so it is kept in memory and read without waiting. It is
 * kept current per changed load: this instance's own steps are applied as
 * they commit, and the database's change notices (a load stepped on any
 * instance, a fence redrawn) make it read just the loads they name. A periodic
 * reconcile compares every load's key (truck, status, pour, plant and a
 * fingerprint of its fences and route) and reads again what a lost notice left wrong.
 */
@Injectable()
export class ActiveLoads implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ActiveLoads.name);
  private readonly view = new ActiveLoadsView();
  private loaded: Promise<void> | undefined;
  /** Whether the view has been read whole once: corrections count only after that. */
  private initialised = false;
  /** Reads apply in the order the changes were announced. */
  private changes: Promise<void> = Promise.resolve();
  private readonly pending = new Map<ChangedKind, Set<string>>();
  private coalescing: NodeJS.Timeout | undefined;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private readonly notices: ChangeNotices;
  private closed = false;
  /** Loads a reconcile found wrong since the start, for the log and for tests. */
  corrections = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly views: LoadViews,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // One connection per instance listens for change notices; when it drops, it comes back and reads all.
    this.notices = new ChangeNotices(dataSource, CHANNEL, {
      notice: (payload) => {
        const [kind, id] = payload.split(':');
        if (kind in KEY_OF && id) this.notice(kind as ChangedKind, id);
      },
      listening: () => {
        // Whatever changed while nobody listened is read afresh.
        if (this.loaded) void this.reconcile();
        else void this.ready();
      },
      lost: (reason) => {
        this.logger.warn(`load change notices lost (${reason}); reconnecting`);
        this.scheduleReconcile(0);
      },
    });
  }

  onModuleInit(): void {
    // This instance's own steps are known at once, without waiting for the notice.
    this.views.on('changed', (load: LoadStep) => {
      if (!this.view.applyStep(load)) this.notice('load', load.id);
    });
    this.notices.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.coalescing);
    clearTimeout(this.reconcileTimer);
    await this.notices.close();
  }

  /** Resolves once the view has been read whole at least once (at once after that). */
  ready(): Promise<void> {
    this.loaded ??= this.reconcile();
    return this.loaded;
  }

  /** From memory: call `ready()` once before relying on it. */
  forTruck(truckId: string): ActiveLoad | undefined {
    return this.view.forTruck(truckId);
  }

  async all(): Promise<ActiveLoad[]> {
    await this.ready();
    return this.view.all();
  }

  /** A row of this kind changed: the loads it touches are read again, with others announced alongside. */
  notice(kind: ChangedKind, id: string): void {
    let ids = this.pending.get(kind);
    if (!ids) this.pending.set(kind, (ids = new Set()));
    ids.add(id);
    this.coalescing ??= setTimeout(() => {
      this.coalescing = undefined;
      void this.readPending();
    }, COALESCE_MS);
  }

  /** Reads the loads of every change noticed since the last read, one query per kind. */
  private readPending(): Promise<void> {
    const batches = [...this.pending];
    this.pending.clear();
    this.changes = this.changes.then(async () => {
      for (const [kind, ids] of batches) {
        try {
          const rows: ActiveLoad[] = await this.dataSource.query(`${SELECT} AND ${COLUMN_OF[kind]} = ANY($2::uuid[])`, [
            TRUCK_BUSY_STATUSES,
            [...ids],
          ]);
          this.view.replace(kind, ids, rows);
        } catch (error) {
          // Unsure what changed: the whole view is read again soon.
          this.logger.warn(`active loads for ${ids.size} ${kind}(s) not read: ${String(error)}`);
          this.scheduleReconcile(RETRY_READ_MS);
        }
      }
    });
    return this.changes;
  }

  /**
   * Corrects the view from every active load's key (read whole the first time),
   * reading again just the loads it has wrong, in line with the reads of single changes.
   */
  private reconcile(): Promise<void> {
    clearTimeout(this.reconcileTimer);
    this.reconcileTimer = undefined;
    const done = this.changes.then(async () => {
      try {
        if (this.initialised) await this.correctFromKeys();
        else {
          // Nothing to compare with yet: every load is read whole, once.
          this.view.reconcile(await this.dataSource.query(SELECT, [TRUCK_BUSY_STATUSES]));
          this.initialised = true;
        }
        this.scheduleReconcile(this.notices.listening ? this.config.activeLoadsReconcileMs : DEAF_RECONCILE_MS);
      } catch (error) {
        // The database is away: the last view is the best there is, and the next read tries again.
        this.logger.warn(`active loads not reconciled: ${String(error)}`);
        this.scheduleReconcile(RETRY_READ_MS);
      }
    });
    this.changes = done;
    return done;
  }

  /** Every active load's key against the view; the loads it has wrong are read whole again. */
  private async correctFromKeys(): Promise<void> {
    const keys: ActiveLoadKey[] = await this.dataSource.query(SELECT_KEYS, [TRUCK_BUSY_STATUSES]);
    const { stale, dropped } = this.view.dropGoneAndFindStale(keys);
    if (stale.size > 0) {
      const rows: ActiveLoad[] = await this.dataSource.query(`${SELECT} AND load.id = ANY($2::uuid[])`, [
        TRUCK_BUSY_STATUSES,
        [...stale],
      ]);
      this.view.replace('load', stale, rows);
    }
    const corrected = stale.size + dropped;
    if (corrected > 0) {
      this.corrections += corrected;
      this.logger.log(`reconcile corrected ${corrected} active load(s) a change notice had not`);
    }
  }

  private scheduleReconcile(afterMs: number): void {
    if (this.closed) return;
    clearTimeout(this.reconcileTimer);
    this.reconcileTimer = setTimeout(() => void this.reconcile(), afterMs);
    this.reconcileTimer.unref();
  }
}
