import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlantEntity } from '../plants/plant.entity';

@Entity('trucks')
export class TruckEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20, unique: true })
  fleetNumber!: string;

  @Column({ type: 'varchar', length: 20, unique: true })
  plateNumber!: string;

  @Column({ type: 'double precision' })
  capacityM3!: number;

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

  @Column({ type: 'varchar', length: 120, default: '' })
  driverName!: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  driverPhone!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
