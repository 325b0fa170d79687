import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Events written in the same transaction as the change they announce, not yet
 * numbered. The relay moves committed rows into the numbered log in the order
 * it reads them, so an event exists exactly when its change does.
 */
@Entity('live_outbox')
export class LiveOutboxEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;
}
