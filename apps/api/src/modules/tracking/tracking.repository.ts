import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PositionReport } from '@pourline/contracts';

export interface RegisteredDevice {
  deviceId: string;
  entityType: 'truck' | 'pump';
  entityId: string;
  label: string;
  secretHash: string | null;
}

export interface StoredPosition {
  positionId: string;
  device: RegisteredDevice;
  report: PositionReport;
}

/** The ETA's notion of recent pace: the last few fixes' speeds. */
const RECENT_SPEEDS = 5;

const STORE_POSITIONS = `WITH incoming AS (
         SELECT fix->>0 AS device_id, fix->>1 AS entity_type, (fix->>2)::uuid AS entity_id,
                -- Unix ms, in whole hours and the seconds left over: exact, whatever the date and the time zone.
                'epoch'::timestamptz + make_interval(hours => ((fix->>3)::bigint / 3600000)::int,
                                                     secs => ((fix->>3)::bigint % 3600000)::float8 / 1000) AS fix_time,
                (fix->>4)::float8 AS lat, (fix->>5)::float8 AS lng,
                (fix->>6)::float8 AS speed_kmh, (fix->>7)::float8 AS bearing_deg, (fix->>8)::float8 AS altitude_m,
                (fix->>9)::float8 AS accuracy_m, (fix->>10)::float8 AS battery_percent,
                (fix->11)::jsonb AS attributes, ord
           FROM json_array_elements($1::json) WITH ORDINALITY AS item(fix, ord)
       ), inserted AS (
         INSERT INTO positions (device_id, entity_type, entity_id, fix_time, lat, lng, speed_kmh, bearing_deg,
                                altitude_m, accuracy_m, battery_percent, attributes)
         SELECT device_id, entity_type, entity_id, fix_time, lat, lng, speed_kmh, bearing_deg, altitude_m, accuracy_m,
                battery_percent, attributes
           FROM incoming ORDER BY ord
         RETURNING id, device_id, entity_type, entity_id, fix_time, lat, lng, speed_kmh, bearing_deg
       ), newest AS (
         SELECT DISTINCT ON (entity_type, entity_id) *
           FROM inserted ORDER BY entity_type, entity_id, fix_time DESC, id DESC
       ), speeds AS (
         SELECT entity_type, entity_id,
                array_agg(speed_kmh ORDER BY fix_time, id) FILTER (WHERE speed_kmh IS NOT NULL) AS recent
           FROM inserted GROUP BY entity_type, entity_id
       ), advanced AS (
         INSERT INTO latest_positions AS latest (entity_type, entity_id, device_id, position_id, fix_time, lat, lng,
                                                speed_kmh, bearing_deg, recent_speeds_kmh)
         SELECT newest.entity_type, newest.entity_id, newest.device_id, newest.id, newest.fix_time, newest.lat,
                newest.lng, newest.speed_kmh, newest.bearing_deg,
                COALESCE(speeds.recent[greatest(1, cardinality(speeds.recent) - ${RECENT_SPEEDS - 1}):], '{}')
           FROM newest JOIN speeds USING (entity_type, entity_id)
          -- Rows locked in one order by every batch on every instance: concurrent batches cannot deadlock.
          ORDER BY newest.entity_type, newest.entity_id
         ON CONFLICT (entity_type, entity_id) DO UPDATE SET
           device_id = EXCLUDED.device_id, position_id = EXCLUDED.position_id, fix_time = EXCLUDED.fix_time,
           lat = EXCLUDED.lat, lng = EXCLUDED.lng, speed_kmh = EXCLUDED.speed_kmh, bearing_deg = EXCLUDED.bearing_deg,
           recent_speeds_kmh = (latest.recent_speeds_kmh || EXCLUDED.recent_speeds_kmh)[greatest(1,
             cardinality(latest.recent_speeds_kmh) + cardinality(EXCLUDED.recent_speeds_kmh) - ${RECENT_SPEEDS - 1}):]
         WHERE latest.fix_time < EXCLUDED.fix_time OR latest.fix_time > now() + make_interval(secs => $2)
         RETURNING position_id
       )
       -- One row, not one per fix: "id" or "id+" (it moved its vehicle) for each, in input order.
       SELECT string_agg(inserted.id::text || CASE WHEN advanced.position_id IS NULL THEN '' ELSE '+' END, ','
                         ORDER BY inserted.id) AS ids
         FROM inserted LEFT JOIN advanced ON advanced.position_id = inserted.id`;

/**
 * A batch of fixes as the one JSON parameter of the batched INSERT: an array
 * per fix, written by the engine's own JSON writer rather than escaped value by
 * value into a dozen array literals. The fix time goes as Unix milliseconds,
 * all a Date holds: a number costs less to write than its ISO text.
 */
function fixesJson(items: readonly { device: RegisteredDevice; report: PositionReport }[]): string {
  const fixes = new Array<unknown[]>(items.length);
  for (let index = 0; index < items.length; index++) {
    const { device, report } = items[index];
    fixes[index] = [
      device.deviceId,
      device.entityType,
      device.entityId,
      report.fixTime.getTime(),
      report.lat,
      report.lng,
      report.speedKmh,
      report.bearingDeg,
      report.altitudeM,
      report.accuracyM,
      report.batteryPercent,
      report.attributes,
    ];
  }
  return JSON.stringify(fixes);
}

/** Batched SQL for the position stream: one INSERT per batch, not per position. */
@Injectable()
export class TrackingRepository {
  constructor(private readonly dataSource: DataSource) {}

  registeredDevices(): Promise<RegisteredDevice[]> {
    return this.dataSource.query(
      `SELECT tracker_device_id AS "deviceId", 'truck' AS "entityType", id AS "entityId", fleet_number AS label,
              tracker_secret_hash AS "secretHash"
         FROM trucks WHERE tracker_device_id IS NOT NULL AND active
       UNION ALL
       SELECT tracker_device_id, 'pump', id, code, tracker_secret_hash
         FROM pumps WHERE tracker_device_id IS NOT NULL AND active`,
    );
  }

  /**
   * Stores a batch of fixes and moves each vehicle's latest position forward in
   * one statement. The database decides what "newest" is (a conditional upsert
   * under its row lock), so every API instance agrees whichever one took the
   * fix. A latest position dated further ahead than `maxAheadSeconds` from now
   * (stored before such fixes were refused) is replaced, never kept frozen.
   * Returns, in input order, each fix's id and whether it moved its vehicle.
   */
  async storePositions(
    manager: EntityManager,
    items: readonly { device: RegisteredDevice; report: PositionReport }[],
    maxAheadSeconds: number,
  ): Promise<{ id: string; advanced: boolean }[]> {
    // Ids come from one sequence in insertion order, which follows the input order.
    const [{ ids }] = (await manager.query(STORE_POSITIONS, [fixesJson(items), maxAheadSeconds])) as {
      ids: string | null;
    }[];
    if (ids === null) return [];
    return ids
      .split(',')
      .map((entry) =>
        entry.endsWith('+') ? { id: entry.slice(0, -1), advanced: true } : { id: entry, advanced: false },
      );
  }

  latestPositions(sincePositionId = '0') {
    return this.dataSource.query(
      `SELECT latest.entity_type AS "entityType", latest.entity_id AS "entityId", latest.device_id AS "deviceId",
              latest.position_id AS "positionId", latest.fix_time AS "fixTime", latest.lat, latest.lng,
              latest.speed_kmh AS "speedKmh", latest.bearing_deg AS "bearingDeg",
              latest.recent_speeds_kmh AS "recentSpeedsKmh",
              COALESCE(truck.fleet_number, pump.code, latest.device_id) AS label
         FROM latest_positions latest
         LEFT JOIN trucks truck ON latest.entity_type = 'truck' AND truck.id = latest.entity_id
         LEFT JOIN pumps pump ON latest.entity_type = 'pump' AND pump.id = latest.entity_id
        WHERE latest.position_id > $1
        ORDER BY latest.position_id`,
      [sincePositionId],
    ) as Promise<LatestRow[]>;
  }

  /** The position each of these vehicles is at now, as "entityType:entityId" → position id. */
  async currentPositionIds(entityIds: string[]): Promise<Map<string, string>> {
    const rows: { key: string; positionId: string }[] = await this.dataSource.query(
      `SELECT entity_type || ':' || entity_id AS key, position_id::text AS "positionId"
         FROM latest_positions WHERE entity_id = ANY($1::uuid[])`,
      [entityIds],
    );
    return new Map(rows.map((row) => [row.key, row.positionId]));
  }

  countPositions(): Promise<number> {
    return this.dataSource.query('SELECT count(*)::int AS n FROM positions').then((rows) => rows[0].n);
  }
}

export interface LatestRow {
  entityType: 'truck' | 'pump';
  entityId: string;
  deviceId: string;
  positionId: string;
  fixTime: Date;
  lat: number;
  lng: number;
  speedKmh: number | null;
  bearingDeg: number | null;
  recentSpeedsKmh: number[];
  label: string;
}
