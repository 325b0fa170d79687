import type { ComplaintTimer } from '@pourline/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A broken promise of a complaint, raised as an alert once; resolved when the step that keeps it is taken. */
@Entity('complaint_overdue_timers')
export class ComplaintOverdueEntity {
  @PrimaryColumn({ type: 'uuid' })
  complaintId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  timer!: ComplaintTimer;

  @Column({ type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
