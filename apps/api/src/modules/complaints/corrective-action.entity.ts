import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What will be put right, by whom, by when; done with a note. */
@Entity('complaint_corrective_actions')
@Index(['complaintId', 'createdAt'])
export class CorrectiveActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  complaintId!: string;

  @Column({ type: 'varchar', length: 1000 })
  description!: string;

  @Column({ type: 'varchar', length: 120 })
  owner!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 160 })
  createdByName!: string;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  doneByName!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  doneNote!: string | null;
}
