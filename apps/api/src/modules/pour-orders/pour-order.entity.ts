import type { PourOrderStatus } from '@pourline/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PourEntity } from '../pours/pour.entity';
import { ProjectEntity } from '../projects/project.entity';

/** A pour the construction party asked for, until the dispatch room plans it or declines it. */
@Entity('pour_orders')
export class PourOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ type: 'varchar', length: 200 })
  structuralElement!: string;

  @Column({ type: 'double precision' })
  volumeM3!: number;

  @Column({ type: 'timestamptz' })
  wantedStart!: Date;

  @Column({ type: 'varchar', length: 8 })
  strengthGrade!: string;

  @Column({ type: 'uuid', nullable: true })
  mixId!: string | null;

  @Column({ type: 'int' })
  slumpMm!: number;

  @Column({ type: 'boolean' })
  pumpWanted!: boolean;

  @Column({ type: 'varchar', length: 1000, default: '' })
  notes!: string;

  @Column({ type: 'varchar', length: 16, default: 'requested' })
  status!: PourOrderStatus;

  @Column({ type: 'uuid', nullable: true })
  pourId!: string | null;

  @ManyToOne(() => PourEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'pour_id' })
  pour?: PourEntity | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  declineReason!: string | null;

  @Column({ type: 'uuid' })
  requestedById!: string;

  @Column({ type: 'varchar', length: 120 })
  requestedByName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'varchar', length: 120, nullable: true })
  answeredByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
