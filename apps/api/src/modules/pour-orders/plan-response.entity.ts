import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PourEntity } from '../pours/pour.entity';

/** The customer's answer to a pour's plan: agreed, or changes asked for. Kept, never changed. */
@Entity('pour_plan_responses')
export class PlanResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  pourId!: string;

  @ManyToOne(() => PourEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pour_id' })
  pour?: PourEntity;

  @Column({ type: 'varchar', length: 24 })
  decision!: 'agreed' | 'changes_requested';

  @Column({ type: 'varchar', length: 1000, default: '' })
  note!: string;

  @Column({ type: 'int' })
  planVersion!: number;

  @Column({ type: 'uuid' })
  byId!: string;

  @Column({ type: 'varchar', length: 120 })
  byName!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
