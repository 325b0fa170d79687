import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LoadStatus } from '@pourline/domain';

/** One step of a load's truck cycle: when, from what to what, and who or what said so. */
@Entity('load_events')
@Index(['loadId', 'at'])
export class LoadEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  loadId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

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
