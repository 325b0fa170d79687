import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** NOTIFY channel that wakes the relay when an outbox row commits. */
export const LIVE_OUTBOX_CHANNEL = 'live_outbox';

export interface NumberedEvent {
  seq: number;
  at: Date;
  type: string;
  projectId: string | null;
  payload: Record<string, unknown>;
}

export interface RelayState {
  lastSeq: number;
  publishedSeq: number;
  prunedThroughSeq: number;
}

interface EventRow {
  seq: string;
  at: Date;
  type: string;
  project_id: string | null;
  payload: Record<string, unknown>;
}

const toEvent = (row: EventRow): NumberedEvent => ({
  seq: Number(row.seq),
  at: row.at,
  type: row.type,
  projectId: row.project_id,
  payload: row.payload,
});

@Injectable()
export class LiveEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the caller's transaction: the NOTIFY is delivered only if it commits. */
  async enqueue(
    manager: EntityManager,
    type: string,
    projectId: string | null,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await manager.query(
      `WITH queued AS (
         INSERT INTO live_outbox (type, project_id, payload) VALUES ($1, $2, $3) RETURNING id
       ) SELECT pg_notify($4, '') FROM queued`,
      [type, projectId, JSON.stringify(payload), LIVE_OUTBOX_CHANNEL],
    );
  }

  /**
   * Moves up to `limit` committed outbox rows into the log, numbered after the
   * last number in the order they are read: rows still uncommitted are not
   * seen, and get later numbers once they commit. Locks the state row, so two
   * relays can never hand out the same number. Call inside a transaction.
   */
  async numberOutbox(manager: EntityManager, limit: number): Promise<NumberedEvent[]> {
    const [state]: { last_seq: string }[] = await manager.query(
      'SELECT last_seq FROM live_relay_state WHERE id = 1 FOR UPDATE',
    );
    const rows: EventRow[] = await manager.query(
      `WITH moved AS (
         DELETE FROM live_outbox WHERE id IN (SELECT id FROM live_outbox ORDER BY id LIMIT $2) RETURNING *
       )
       INSERT INTO live_events (seq, at, type, project_id, payload)
       SELECT $1::bigint + row_number() OVER (ORDER BY id), at, type, project_id, payload FROM moved
       RETURNING seq, at, type, project_id, payload`,
      [state.last_seq, limit],
    );
    const events = rows.map(toEvent).sort((a, b) => a.seq - b.seq);
    if (events.length > 0) {
      await manager.query('UPDATE live_relay_state SET last_seq = $1 WHERE id = 1', [events[events.length - 1].seq]);
    }
    return events;
  }

  /** Numbered events after `seq`, oldest first, for the relay to push. */
  async after(manager: EntityManager, seq: number, limit: number): Promise<NumberedEvent[]> {
    const rows: EventRow[] = await manager.query(
      `SELECT seq, at, type, project_id, payload FROM live_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [seq, limit],
    );
    return rows.map(toEvent);
  }

  async markPublished(manager: EntityManager, seq: number): Promise<void> {
    await manager.query('UPDATE live_relay_state SET published_seq = GREATEST(published_seq, $1) WHERE id = 1', [seq]);
  }

  /** Retention removed every event up to `seq`: replay cannot go back past it, and says so. */
  async markPruned(manager: EntityManager, seq: number): Promise<void> {
    await manager.query(
      'UPDATE live_relay_state SET pruned_through_seq = GREATEST(pruned_through_seq, $1) WHERE id = 1',
      [seq],
    );
  }

  async state(manager: EntityManager = this.dataSource.manager): Promise<RelayState> {
    const [row]: { last_seq: string; published_seq: string; pruned_through_seq: string }[] = await manager.query(
      'SELECT last_seq, published_seq, pruned_through_seq FROM live_relay_state WHERE id = 1',
    );
    return {
      lastSeq: Number(row.last_seq),
      publishedSeq: Number(row.published_seq),
      prunedThroughSeq: Number(row.pruned_through_seq),
    };
  }

  /**
   * The newest `limit` events in (afterSeq, throughSeq] that a viewer of these
   * projects (null: all) may see, oldest first.
   */
  async newest(
    afterSeq: number,
    throughSeq: number,
    projectIds: string[] | null,
    limit: number,
  ): Promise<NumberedEvent[]> {
    if (projectIds !== null && projectIds.length === 0) return [];
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT seq, at, type, project_id, payload FROM live_events
        WHERE seq > $1 AND seq <= $2 AND ($3::uuid[] IS NULL OR project_id = ANY($3::uuid[]))
        ORDER BY seq DESC LIMIT $4`,
      [afterSeq, throughSeq, projectIds, limit],
    );
    return rows.map(toEvent).reverse();
  }
}
