import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlertDto } from '@pourline/contracts';
import type { NumberedEvent } from '../../platform/live/live-events.repository';

export interface AlertRow {
  seq: string;
  type: AlertDto['type'];
  at: Date;
  project_id: string | null;
  payload: Record<string, unknown>;
  ack_note: string | null;
  ack_by_name: string | null;
  ack_at: Date | null;
  resolved_at: Date | null;
}

const SELECT = `SELECT alert.seq, alert.type, alert.at, alert.project_id, alert.payload, alert.resolved_at,
                       ack.note AS ack_note, ack.by_name AS ack_by_name, ack.at AS ack_at
                  FROM alerts alert
                  LEFT JOIN alert_acknowledgements ack ON ack.seq = alert.seq`;

@Injectable()
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the transaction that numbers the events. */
  async insert(manager: EntityManager, events: readonly NumberedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO alerts (seq, type, at, project_id, payload)
       SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::timestamptz[], $4::uuid[], $5::jsonb[])`,
      [
        events.map((event) => event.seq),
        events.map((event) => event.type),
        events.map((event) => event.at),
        events.map((event) => event.projectId),
        events.map((event) => JSON.stringify(event.payload)),
      ],
    );
  }

  list(projectIds: string[] | null, openOnly: boolean, sinceHours: number): Promise<AlertRow[]> {
    return this.dataSource.query(
      `${SELECT}
        WHERE alert.at > now() - make_interval(hours => $1)
          AND ($2::uuid[] IS NULL OR alert.project_id = ANY($2::uuid[]))
          AND (NOT $3 OR (ack.seq IS NULL AND alert.resolved_at IS NULL))
        ORDER BY alert.seq DESC LIMIT 300`,
      [sinceHours, projectIds, openOnly],
    );
  }

  async find(seq: string): Promise<AlertRow | undefined> {
    const rows: AlertRow[] = await this.dataSource.query(`${SELECT} WHERE alert.seq = $1`, [seq]);
    return rows[0];
  }

  /** False when someone acknowledged it first. */
  async acknowledge(manager: EntityManager, seq: string, note: string, byId: string, byName: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO alert_acknowledgements (seq, note, by_id, by_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (seq) DO NOTHING RETURNING seq`,
      [seq, note, byId, byName],
    );
    return rows.length > 0;
  }
}
