import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where each truck and pump is now, without scanning history. Only ever moves forward in time. */
@Entity('latest_positions')
export class LatestPositionEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  entityType!: 'truck' | 'pump';

  @PrimaryColumn({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'varchar', length: 64 })
  deviceId!: string;

  @Column({ type: 'bigint' })
  positionId!: string;

  @Column({ type: 'timestamptz' })
  fixTime!: Date;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ type: 'double precision', nullable: true })
  speedKmh!: number | null;

  @Column({ type: 'double precision', nullable: true })
  bearingDeg!: number | null;

  /** The last few speeds, newest last, for the ETA's notion of recent pace. */
  @Column({ type: 'double precision', array: true, default: () => "'{}'" })
  recentSpeedsKmh!: number[];
}
