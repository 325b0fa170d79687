import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DispatchAlertKind } from '@pourline/domain';

/**
 * A cause of a dispatch alert, seen and not yet ended: raised once when it
 * has held long enough, resolved and forgotten when it ends, so a cause that
 * returns later is a new alert.
 */
@Entity('dispatch_conditions')
export class DispatchConditionEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  key!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: DispatchAlertKind;

  @Column({ type: 'uuid', nullable: true })
  pourId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  raisedAt!: Date | null;
}
