import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AlertRow {
  seq: string;
  type: 'load.rejected.v1' | 'load.changed.v1' | 'pump.status.v1' | 'load.deadline_risk.v1';
  at: Date;
  project_id: string | null;
  payload: Record<string, unknown>;
  ack_note: string | null;
  ack_by_name: string | null;
  ack_at: Date | null;
}

/** Which stored live events are alerts: rejections, deadlines at risk, holds at the plant, pumps down. */
const IS_ALERT = `(event.type IN ('load.rejected.v1', 'load.deadline_risk.v1')
   OR (event.type = 'load.changed.v1' AND event.payload->>'status' = 'held')
   OR (event.type = 'pump.status.v1' AND event.payload->>'status' IN ('breakdown', 'blocked')))`;

@Injectable()
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(projectIds: string[] | null, openOnly: boolean, sinceHours: number): Promise<AlertRow[]> {
    return this.dataSource.query(
      `SELECT event.seq, event.type, event.at, event.project_id, event.payload,
              ack.note AS ack_note, ack.by_name AS ack_by_name, ack.at AS ack_at
         FROM live_events event
         LEFT JOIN alert_acknowledgements ack ON ack.seq = event.seq
        WHERE ${IS_ALERT}
          AND event.at > now() - make_interval(hours => $1)
          AND ($2::uuid[] IS NULL OR event.project_id = ANY($2::uuid[]))
          AND (NOT $3 OR ack.seq IS NULL)
        ORDER BY event.seq DESC LIMIT 300`,
      [sinceHours, projectIds, openOnly],
    );
  }

  async find(seq: string): Promise<AlertRow | undefined> {
    const rows: AlertRow[] = await this.dataSource.query(
      `SELECT event.seq, event.type, event.at, event.project_id, event.payload,
              ack.note AS ack_note, ack.by_name AS ack_by_name, ack.at AS ack_at
         FROM live_events event
         LEFT JOIN alert_acknowledgements ack ON ack.seq = event.seq
        WHERE event.seq = $1 AND ${IS_ALERT}`,
      [seq],
    );
    return rows[0];
  }

  /** False when someone acknowledged it first. */
  async acknowledge(seq: string, note: string, byId: string, byName: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO alert_acknowledgements (seq, note, by_id, by_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (seq) DO NOTHING RETURNING seq`,
      [seq, note, byId, byName],
    );
    return rows.length > 0;
  }
}
