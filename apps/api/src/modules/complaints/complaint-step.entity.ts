import type { ComplaintState } from '@pourline/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a complaint's workflow: who took it, when, and what they said. Kept, never edited. */
@Entity('complaint_steps')
@Index(['complaintId', 'at'])
@Index(['complaintId', 'state'], { unique: true })
export class ComplaintStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  complaintId!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: ComplaintState;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  byId!: string;

  @Column({ type: 'varchar', length: 160 })
  byName!: string;

  @Column({ type: 'varchar', length: 1000 })
  note!: string;
}
