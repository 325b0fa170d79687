import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An alert the dispatch room must see and acknowledge, kept apart from the
 * event log: written when its event is numbered, in the same transaction, so
 * it is neither lost nor pruned with the log, and listing it reads no JSON.
 */
@Entity('alerts')
@Index('alerts_at', ['at'])
export class AlertEntity {
  /** The number of the live event that raised it: consoles match live alerts to this list by it. */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** For an alert that resolves by itself: its cause, and when the cause ended. */
  @Index('alerts_open_condition', { where: '"resolved_at" IS NULL' })
  @Column({ type: 'varchar', length: 120, nullable: true })
  conditionKey!: string | null;

  /** Its cause is gone (a flow condition ended, a complaint's overdue step was taken): no longer open, kept for the record. */
  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
