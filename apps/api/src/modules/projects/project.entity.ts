import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LatLng, Polygon, SiteContact } from '@pourline/contracts';
import { CustomerEntity } from '../customers/customer.entity';
import { PlantEntity } from '../plants/plant.entity';
import { UserEntity } from '../users/user.entity';

/** A construction site of a customer, supplied by one plant. */
@Entity('projects')
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: CustomerEntity;

  @Column({ type: 'uuid' })
  plantId!: string;

  @ManyToOne(() => PlantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plant_id' })
  plant?: PlantEntity;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  address!: string;

  @Column({ type: 'jsonb' })
  location!: LatLng;

  @Column({ type: 'jsonb' })
  geofence!: Polygon;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts!: SiteContact[];

  @ManyToMany(() => UserEntity)
  @JoinTable({
    name: 'project_site_dispatchers',
    joinColumn: { name: 'project_id' },
    inverseJoinColumn: { name: 'user_id' },
  })
  siteDispatchers?: UserEntity[];

  /** The supervising engineers who witness tests and follow strength on this project. */
  @ManyToMany(() => UserEntity)
  @JoinTable({
    name: 'project_supervisors',
    joinColumn: { name: 'project_id' },
    inverseJoinColumn: { name: 'user_id' },
  })
  supervisors?: UserEntity[];
}
