import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How the dispatch room runs one pour: by hand or on the auto switch, its cold-joint and bunching limits. */
@Entity('pour_dispatch_settings')
export class PourDispatchSettingEntity {
  @PrimaryColumn({ type: 'uuid' })
  pourId!: string;

  /** The system creates and assigns the proposed loads at their loading time. */
  @Column({ type: 'boolean', default: false })
  auto!: boolean;

  /** Null: the mix's initial setting time less the safety margin. */
  @Column({ type: 'integer', nullable: true })
  coldJointLimitMinutes!: number | null;

  /** Null: the deployment's setting (two unless configured). */
  @Column({ type: 'integer', nullable: true })
  bunchingMaxWaiting!: number | null;

  @Column({ type: 'varchar', length: 160 })
  changedByName!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
