import { Injectable, type OnModuleInit } from '@nestjs/common';
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
  plantFence: Polygon;
  siteFence: Polygon;
  entryRoute: LineString;
}

const REFRESH_MS = 2_000;

/**
 * Which load each truck is on, with the fences it may cross. Ingest asks for
 * every position, so it is read in one query every two seconds, not per fix.
 */
@Injectable()
export class ActiveLoads implements OnModuleInit {
  private byTruck = new Map<string, ActiveLoad>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly views: LoadViews,
  ) {}

  onModuleInit(): void {
    this.views.on('changed', () => this.invalidate());
  }

  async forTruck(truckId: string): Promise<ActiveLoad | undefined> {
    await this.fresh();
    return this.byTruck.get(truckId);
  }

  async all(): Promise<ActiveLoad[]> {
    await this.fresh();
    return [...this.byTruck.values()];
  }

  invalidate(): void {
    this.loadedAt = 0;
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt < REFRESH_MS) return;
    this.loading ??= this.dataSource
      .query(
        `SELECT load.id AS "loadId", load.truck_id AS "truckId", load.status, load.pour_id AS "pourId",
                pour.project_id AS "projectId", plant.geofence AS "plantFence", project.geofence AS "siteFence",
                pour.entry_route AS "entryRoute"
           FROM loads load
           JOIN pours pour ON pour.id = load.pour_id
           JOIN projects project ON project.id = pour.project_id
           JOIN plants plant ON plant.id = load.plant_id
          WHERE load.truck_id IS NOT NULL AND load.status = ANY($1)`,
        [TRUCK_BUSY_STATUSES],
      )
      .then((rows: ActiveLoad[]) => {
        this.byTruck = new Map(rows.map((row) => [row.truckId, row]));
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    await this.loading;
  }
}
