import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PreviousFencePresence } from '@pourline/domain';

/**
 * Where a truck on a load stands against its plant and site fences, and the
 * newest fix judged so far. Shared by every API instance: whichever one takes
 * a fix judges it against the same state, under this row's lock.
 */
@Entity('truck_fence_presence')
export class TruckFencePresenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  truckId!: string;

  /** The newest fix judged; older and repeated fixes change nothing. Null until the first. */
  @Column({ type: 'timestamptz', nullable: true })
  lastFixTime!: Date | null;

  @Column({ type: 'varchar', length: 8, default: 'unknown' })
  plant!: PreviousFencePresence;

  @Column({ type: 'varchar', length: 8, default: 'unknown' })
  site!: PreviousFencePresence;
}
