import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PourEntity } from '../pours/pour.entity';
import { InspectionLotEntity } from './inspection-lot.entity';

/** A pour's sets belong to one lot: the pour is the key. */
@Entity('inspection_lot_pours')
export class InspectionLotPourEntity {
  @PrimaryColumn({ type: 'uuid' })
  pourId!: string;

  @ManyToOne(() => PourEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pour_id' })
  pour?: PourEntity;

  @Index()
  @Column({ type: 'uuid' })
  lotId!: string;

  @ManyToOne(() => InspectionLotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lot_id' })
  lot?: InspectionLotEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt!: Date;

  @Column({ type: 'uuid' })
  addedById!: string;

  @Column({ type: 'varchar', length: 160 })
  addedByName!: string;
}
