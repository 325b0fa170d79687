import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PumpStatus } from '@pourline/contracts';

/** A pump's status history; the newest row is its status now. */
@Entity('pump_status_changes')
@Index(['pumpId', 'at'])
export class PumpStatusChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pumpId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: PumpStatus;

  /** When the server received the change. */
  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** When the person set it, for a change queued on a tablet offline; null when sent at once. */
  @Column({ type: 'timestamptz', nullable: true })
  observedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  byId!: string | null;

  @Column({ type: 'varchar', length: 160 })
  byName!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;
}
