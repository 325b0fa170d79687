import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every accepted position, in arrival order. The table is partitioned by day
 * of the fix time (see the migration that partitions it), so retention drops
 * whole days; the key includes the fix time because a partitioned table's key
 * must. History is read by time range, so a BRIN index on the fix time stays a
 * few pages however long a day grows; one truck's track is read through the
 * entity index.
 */
@Entity('positions')
@Index('IDX_positions_fix_time_brin', { synchronize: false })
@Index('positions_entity_fix_time', ['entityType', 'entityId', 'fixTime'])
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

  @PrimaryColumn({ type: 'timestamptz' })
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
