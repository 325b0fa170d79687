import type { ComplaintCategory } from '@pourline/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A producer's own service promises for one category; the defaults hold where there is none. */
@Entity('complaint_timer_settings')
export class ComplaintTimerSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  category!: ComplaintCategory;

  @Column({ type: 'integer' })
  acknowledgeMinutes!: number;

  @Column({ type: 'integer' })
  firstResponseMinutes!: number;

  @Column({ type: 'integer' })
  resolveMinutes!: number;

  @Column({ type: 'varchar', length: 160 })
  updatedByName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
