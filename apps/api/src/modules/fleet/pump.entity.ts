import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlantEntity } from '../plants/plant.entity';

@Entity('pumps')
export class PumpEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: 'boom' | 'line';

  @Column({ type: 'double precision' })
  capacityM3PerHour!: number;

  @Column({ type: 'double precision', nullable: true })
  boomLengthM!: number | null;

  @Column({ type: 'varchar', length: 64, unique: true, nullable: true })
  trackerDeviceId!: string | null;

  /** SHA-256 of the tracker's secret, when it has one. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  trackerSecretHash!: string | null;

  @Column({ type: 'uuid' })
  homePlantId!: string;

  @ManyToOne(() => PlantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_plant_id' })
  homePlant?: PlantEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
