import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MixEntity } from '../mixes/mix.entity';
import { PlantEntity } from '../plants/plant.entity';
import { ProjectEntity } from '../projects/project.entity';

/**
 * An inspection lot (GB/T 50107 4.1): the sets of one grade, mix design,
 * plant and age from the pours of a project that the lot names. Strength is
 * accepted per lot, not per pour.
 */
@Entity('inspection_lots')
export class InspectionLotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Index()
  @Column({ type: 'uuid' })
  plantId!: string;

  @ManyToOne(() => PlantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plant_id' })
  plant?: PlantEntity;

  @Column({ type: 'uuid' })
  mixId!: string;

  @ManyToOne(() => MixEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mix_id' })
  mix?: MixEntity;

  @Column({ type: 'varchar', length: 8 })
  strengthGrade!: string;

  @Column({ type: 'integer', default: 28 })
  ageDays!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'uuid' })
  createdById!: string;

  @Column({ type: 'varchar', length: 160 })
  createdByName!: string;
}
