import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('customers')
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 120, default: '' })
  contactName!: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  phone!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  email!: string;
}
