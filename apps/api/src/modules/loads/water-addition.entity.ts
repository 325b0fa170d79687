import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Water added to a load on site: it changes the concrete, so it stays on the ticket. */
@Entity('water_additions')
export class WaterAdditionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  loadId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'double precision' })
  litres!: number;

  @Column({ type: 'varchar', length: 120 })
  addedBy!: string;

  @Column({ type: 'varchar', length: 120 })
  requestedBy!: string;

  @Column({ type: 'uuid' })
  recordedById!: string;

  @Column({ type: 'varchar', length: 160 })
  recordedByName!: string;
}
