import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A load whose deadline-at-risk alert was raised: once per load, whichever instance watches. */
@Entity('load_deadline_risks')
export class LoadDeadlineRiskEntity {
  @PrimaryColumn({ type: 'uuid' })
  loadId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  raisedAt!: Date;
}
