import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LoadStatus } from '@pourline/domain';

/** One step of a load's truck cycle: when, from what to what, and who or what said so. */
@Entity('load_events')
@Index(['loadId', 'at'])
export class LoadEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  loadId!: string;

  /** When the step happened: for a step queued on a tablet offline, when the person confirmed it. */
  @Column({ type: 'timestamptz' })
  at!: Date;

  /** When the server heard of it. */
  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 24, nullable: true })
  fromStatus!: LoadStatus | null;

  @Column({ type: 'varchar', length: 24 })
  toStatus!: LoadStatus;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 160 })
  actorName!: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  note!: string;
}
