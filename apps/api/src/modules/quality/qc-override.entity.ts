import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A QC inspector's written decision to accept a failed test. */
@Entity('qc_overrides')
export class QcOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', unique: true })
  qcTestId!: string;

  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  @Column({ type: 'uuid' })
  byId!: string;

  @Column({ type: 'varchar', length: 160 })
  byName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
