import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every event pushed to the consoles, numbered by the relay in the order the
 * changes committed: gap-free and strictly increasing. A client that
 * reconnects with the last number it applied is sent the rest from here,
 * whichever instance it reaches. The key includes `at` so that the log can
 * be partitioned by time, as a partitioned table's key must.
 */
@Entity('live_events')
@Index('live_events_project_seq', ['projectId', 'seq'])
export class LiveEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  /** When the change committed (its outbox row was written), not when it was numbered. */
  @PrimaryColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** Null: every console that sees everything; else the project whose people may see it. */
  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;
}
