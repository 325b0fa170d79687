import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every accepted position, in arrival order. History is read by time range, so
 * a BRIN index on the fix time stays a few pages however long history grows.
 */
@Entity('positions')
@Index('IDX_positions_fix_time_brin', { synchronize: false })
export class PositionEntity {
  /** Also the live stream's position sequence number. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  deviceId!: string;

  @Column({ type: 'varchar', length: 8 })
  entityType!: 'truck' | 'pump';

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'timestamptz' })
  fixTime!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ type: 'double precision', nullable: true })
  speedKmh!: number | null;

  @Column({ type: 'double precision', nullable: true })
  bearingDeg!: number | null;

  @Column({ type: 'double precision', nullable: true })
  altitudeM!: number | null;

  @Column({ type: 'double precision', nullable: true })
  accuracyM!: number | null;

  @Column({ type: 'double precision', nullable: true })
  batteryPercent!: number | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, unknown>;
}
