import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { LatLng, Polygon, RuleOverrides } from '@pourline/contracts';
import type { SlumpStandard } from '@pourline/domain';
import { UserEntity } from '../users/user.entity';

@Entity('plants')
export class PlantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  address!: string;

  @Column({ type: 'jsonb' })
  location!: LatLng;

  @Column({ type: 'jsonb' })
  geofence!: Polygon;

  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'varchar', length: 20 })
  slumpStandard!: SlumpStandard;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  ruleOverrides!: RuleOverrides;

  /** Plant operators who run this plant's control room; loaded when asked for. */
  @ManyToMany(() => UserEntity)
  @JoinTable({ name: 'plant_operators', joinColumn: { name: 'plant_id' }, inverseJoinColumn: { name: 'user_id' } })
  operators?: UserEntity[];
}
