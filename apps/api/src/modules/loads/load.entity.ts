import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { BatchMaterial } from '@pourline/contracts';
import { type LoadStatus, TRUCK_BUSY_STATUSES } from '@pourline/domain';
import { TruckEntity } from '../fleet/truck.entity';
import { MixEntity } from '../mixes/mix.entity';
import { PourEntity } from '../pours/pour.entity';

export { TRUCK_BUSY_STATUSES };
export const TRUCK_BUSY_INDEX = 'UQ_loads_truck_busy';

export type SiteAcceptance = 'accepted' | 'retest_required' | 'rejected';

export interface BatchRecord {
  materials: BatchMaterial[];
  waterHeldBackLitres: number | null;
  recordedAt: string;
  recordedById: string;
  recordedByName: string;
}

/** A delivery ticket: one truckload of one mix for one pour. */
@Entity('loads')
@Index(['plantId', 'ticketDay', 'ticketSequence'], { unique: true })
@Index(TRUCK_BUSY_INDEX, ['truckId'], {
  unique: true,
  where: `"status" IN (${TRUCK_BUSY_STATUSES.map((status) => `'${status}'`).join(', ')})`,
})
export class LoadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  ticketNumber!: string;

  @Column({ type: 'uuid' })
  plantId!: string;

  /** The plant-local calendar day the ticket was issued on. */
  @Column({ type: 'date' })
  ticketDay!: string;

  @Column({ type: 'integer' })
  ticketSequence!: number;

  @Index()
  @Column({ type: 'uuid' })
  pourId!: string;

  @ManyToOne(() => PourEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pour_id' })
  pour?: PourEntity;

  @Column({ type: 'uuid', nullable: true })
  truckId!: string | null;

  @ManyToOne(() => TruckEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'truck_id' })
  truck?: TruckEntity | null;

  @Column({ type: 'uuid' })
  mixId!: string;

  @ManyToOne(() => MixEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mix_id' })
  mix?: MixEntity;

  @Column({ type: 'double precision' })
  volumeM3!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  overOrderReason!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 24 })
  status!: LoadStatus;

  @Column({ type: 'boolean', default: false })
  rejected!: boolean;

  @Column({ type: 'integer' })
  queuePosition!: number;

  @Column({ type: 'uuid', nullable: true })
  replacesLoadId!: string | null;

  /** When the accepted plan has this load start loading at the plant; null for a load ordered by hand. */
  @Column({ type: 'timestamptz', nullable: true })
  plannedLoadAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  batchedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  dischargeDeadline!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  deadlineLimitedBy!: 'max_age' | 'initial_setting' | null;

  @Column({ type: 'boolean', default: false })
  flaggedForQc!: boolean;

  /** The latest site acceptance decision; discharge waits for 'accepted'. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  siteAcceptance!: SiteAcceptance | null;

  @Column({ type: 'double precision', default: 0 })
  waterAddedLitres!: number;

  /** The batch ticket as the plant's control room reported it. */
  @Column({ type: 'jsonb', nullable: true })
  batchRecord!: BatchRecord | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
