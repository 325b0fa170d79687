import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LoadStatus, PreviousFencePresence } from '@pourline/domain';

export interface FencePresenceRow {
  truckId: string;
  lastFixTime: Date | null;
  plant: PreviousFencePresence;
  site: PreviousFencePresence;
}

/** The shared geofence state of trucks, read and written under row locks inside the caller's transaction. */
@Injectable()
export class FencePresenceRepository {
  /**
   * Locks the presence rows of these trucks (creating the missing ones) until
   * the transaction ends. Always in truck order, so two instances judging
   * overlapping trucks wait for each other instead of deadlocking.
   */
  async lock(manager: EntityManager, truckIds: string[]): Promise<Map<string, FencePresenceRow>> {
    const sorted = [...new Set(truckIds)].sort();
    await manager.query(
      `INSERT INTO truck_fence_presence (truck_id) SELECT unnest($1::uuid[]) ORDER BY 1 ON CONFLICT (truck_id) DO NOTHING`,
      [sorted],
    );
    const rows: FencePresenceRow[] = await manager.query(
      `SELECT truck_id AS "truckId", last_fix_time AS "lastFixTime", plant, site
         FROM truck_fence_presence WHERE truck_id = ANY($1::uuid[]) ORDER BY truck_id FOR UPDATE`,
      [sorted],
    );
    return new Map(rows.map((row) => [row.truckId, row]));
  }

  async save(manager: EntityManager, rows: FencePresenceRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE truck_fence_presence AS presence
          SET last_fix_time = changed.last_fix_time, plant = changed.plant, site = changed.site
         FROM unnest($1::uuid[], $2::timestamptz[], $3::varchar[], $4::varchar[])
              AS changed(truck_id, last_fix_time, plant, site)
        WHERE presence.truck_id = changed.truck_id`,
      [
        rows.map((row) => row.truckId),
        rows.map((row) => row.lastFixTime?.toISOString() ?? null),
        rows.map((row) => row.plant),
        rows.map((row) => row.site),
      ],
    );
  }

  /** The status of each load as committed now: a cached view may be a step behind. */
  async statuses(manager: EntityManager, loadIds: string[]): Promise<Map<string, LoadStatus>> {
    const rows: { id: string; status: LoadStatus }[] = await manager.query(
      `SELECT id, status FROM loads WHERE id = ANY($1::uuid[])`,
      [[...new Set(loadIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  }
}
