import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DecidedLoadDto, DispatchDecisionKind } from '@pourline/contracts';

export type DecidedLoad = DecidedLoadDto;

/** A load created from the plan: what was proposed, what was chosen, by whom and why. */
@Entity('dispatch_decisions')
@Index(['pourId', 'at'])
export class DispatchDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pourId!: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  loadId!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: DispatchDecisionKind;

  @Column({ type: 'jsonb', nullable: true })
  proposed!: DecidedLoad | null;

  @Column({ type: 'jsonb' })
  chosen!: DecidedLoad;

  @Column({ type: 'varchar', length: 1000, default: '' })
  reason!: string;

  @Column({ type: 'uuid' })
  byId!: string;

  @Column({ type: 'varchar', length: 160 })
  byName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
