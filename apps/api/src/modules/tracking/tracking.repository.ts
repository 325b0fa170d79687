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

export interface LatestUpdate extends StoredPosition {
  recentSpeedsKmh: number[];
}

export interface StoredPosition {
  positionId: string;
  device: RegisteredDevice;
  report: PositionReport;
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

  async insertPositions(manager: EntityManager, items: { device: RegisteredDevice; report: PositionReport }[]) {
    const column = <T>(pick: (item: (typeof items)[number]) => T) => items.map(pick);
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO positions (device_id, entity_type, entity_id, fix_time, lat, lng, speed_kmh, bearing_deg,
                              altitude_m, accuracy_m, battery_percent, attributes)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::uuid[], $4::timestamptz[], $5::float8[], $6::float8[],
                            $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::jsonb[])
       RETURNING id`,
      [
        column((item) => item.device.deviceId),
        column((item) => item.device.entityType),
        column((item) => item.device.entityId),
        column((item) => item.report.fixTime.toISOString()),
        column((item) => item.report.lat),
        column((item) => item.report.lng),
        column((item) => item.report.speedKmh),
        column((item) => item.report.bearingDeg),
        column((item) => item.report.altitudeM),
        column((item) => item.report.accuracyM),
        column((item) => item.report.batteryPercent),
        column((item) => JSON.stringify(item.report.attributes)),
      ],
    );
    // INSERT … SELECT FROM unnest keeps the input order, so ids line up with items.
    return rows.map((row) => row.id);
  }

  /** Newer fixes replace the latest position; late or repeated ones never move a truck back in time. */
  async advanceLatest(manager: EntityManager, items: LatestUpdate[]): Promise<void> {
    if (items.length === 0) return;
    await manager.query(
      `INSERT INTO latest_positions AS latest (entity_type, entity_id, device_id, position_id, fix_time, lat, lng,
                                              speed_kmh, bearing_deg, recent_speeds_kmh)
       SELECT entity_type, entity_id, device_id, position_id, fix_time, lat, lng, speed_kmh, bearing_deg,
              ARRAY(SELECT jsonb_array_elements_text(recent)::float8)
         FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::bigint[], $5::timestamptz[], $6::float8[],
                     $7::float8[], $8::float8[], $9::float8[], $10::jsonb[])
              AS incoming(entity_type, entity_id, device_id, position_id, fix_time, lat, lng, speed_kmh, bearing_deg,
                          recent)
       ON CONFLICT (entity_type, entity_id) DO UPDATE SET
         device_id = EXCLUDED.device_id, position_id = EXCLUDED.position_id, fix_time = EXCLUDED.fix_time,
         lat = EXCLUDED.lat, lng = EXCLUDED.lng, speed_kmh = EXCLUDED.speed_kmh, bearing_deg = EXCLUDED.bearing_deg,
         recent_speeds_kmh = EXCLUDED.recent_speeds_kmh
       WHERE latest.fix_time < EXCLUDED.fix_time`,
      [
        items.map((item) => item.device.entityType),
        items.map((item) => item.device.entityId),
        items.map((item) => item.device.deviceId),
        items.map((item) => item.positionId),
        items.map((item) => item.report.fixTime.toISOString()),
        items.map((item) => item.report.lat),
        items.map((item) => item.report.lng),
        items.map((item) => item.report.speedKmh),
        items.map((item) => item.report.bearingDeg),
        items.map((item) => JSON.stringify(item.recentSpeedsKmh)),
      ],
    );
  }

  /** Brings the latest positions level with history, for fixes stored but not yet reflected there. */
  async repairLatest(windowMinutes: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO latest_positions AS latest (entity_type, entity_id, device_id, position_id, fix_time, lat, lng,
                                              speed_kmh, bearing_deg)
       SELECT DISTINCT ON (entity_type, entity_id) entity_type, entity_id, device_id, id, fix_time, lat, lng,
              speed_kmh, bearing_deg
         FROM positions
        WHERE fix_time > now() - make_interval(mins => $1)
        ORDER BY entity_type, entity_id, fix_time DESC, id DESC
       ON CONFLICT (entity_type, entity_id) DO UPDATE SET
         device_id = EXCLUDED.device_id, position_id = EXCLUDED.position_id, fix_time = EXCLUDED.fix_time,
         lat = EXCLUDED.lat, lng = EXCLUDED.lng, speed_kmh = EXCLUDED.speed_kmh, bearing_deg = EXCLUDED.bearing_deg
       WHERE latest.fix_time < EXCLUDED.fix_time`,
      [windowMinutes],
    );
  }

  async countUnknownDevice(deviceId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO unknown_devices (device_id, first_seen_at, last_seen_at, attempts) VALUES ($1, now(), now(), 1)
       ON CONFLICT (device_id) DO UPDATE SET last_seen_at = now(), attempts = unknown_devices.attempts + 1`,
      [deviceId],
    );
  }

  unknownDevices(): Promise<{ deviceId: string; firstSeenAt: Date; lastSeenAt: Date; attempts: number }[]> {
    return this.dataSource.query(
      `SELECT device_id AS "deviceId", first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt", attempts
         FROM unknown_devices
        WHERE device_id NOT IN (SELECT tracker_device_id FROM trucks WHERE tracker_device_id IS NOT NULL
                                UNION SELECT tracker_device_id FROM pumps WHERE tracker_device_id IS NOT NULL)
        ORDER BY last_seen_at DESC LIMIT 500`,
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
