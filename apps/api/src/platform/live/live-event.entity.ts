import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every event pushed to the consoles, numbered. A client that reconnects with
 * the last number it saw is sent the rest from here, whichever instance it reaches.
 */
@Entity('live_events')
export class LiveEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** Null: every console that sees everything; else the project whose people may see it. */
  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;
}
