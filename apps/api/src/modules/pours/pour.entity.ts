import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { DocumentGateOverride, LatLng, LineString } from '@pourline/contracts';
import type { DocumentType, PourStatus } from '@pourline/domain';
import { PumpEntity } from '../fleet/pump.entity';
import { MixEntity } from '../mixes/mix.entity';
import { PlantEntity } from '../plants/plant.entity';
import { ProjectEntity } from '../projects/project.entity';

/** A pour plan as agreed with the customer, and where it stands. */
@Entity('pours')
@Index(['plantId', 'scheduledStart'])
export class PourEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ type: 'uuid' })
  plantId!: string;

  @ManyToOne(() => PlantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plant_id' })
  plant?: PlantEntity;

  @Column({ type: 'varchar', length: 200 })
  structuralElement!: string;

  @Index()
  @Column({ type: 'timestamptz' })
  scheduledStart!: Date;

  @Column({ type: 'double precision' })
  volumeM3!: number;

  @Column({ type: 'double precision' })
  pourRateM3PerHour!: number;

  @Column({ type: 'jsonb' })
  startPoint!: LatLng;

  @Column({ type: 'jsonb' })
  endPoint!: LatLng;

  @Column({ type: 'varchar', length: 200, default: '' })
  direction!: string;

  @Column({ type: 'uuid', nullable: true })
  pumpId!: string | null;

  @ManyToOne(() => PumpEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'pump_id' })
  pump?: PumpEntity | null;

  @Column({ type: 'jsonb', nullable: true })
  pumpPosition!: LatLng | null;

  @Column({ type: 'varchar', length: 32 })
  pumpingMethod!: string;

  @Column({ type: 'jsonb' })
  entryRoute!: LineString;

  @Column({ type: 'jsonb' })
  exitRoute!: LineString;

  @Column({ type: 'integer' })
  truckCount!: number;

  @Column({ type: 'uuid' })
  mixId!: string;

  @ManyToOne(() => MixEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mix_id' })
  mix?: MixEntity;

  @Column({ type: 'integer' })
  slumpTargetMm!: number;

  @Column({ type: 'integer' })
  slumpToleranceMm!: number;

  @Column({ type: 'integer' })
  initialSettingMinutes!: number;

  @Column({ type: 'jsonb' })
  requiredDocumentTypes!: DocumentType[];

  @Column({ type: 'text', default: '' })
  notes!: string;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  status!: PourStatus;

  @Column({ type: 'jsonb', nullable: true })
  documentGateOverride!: DocumentGateOverride | null;

  /** While set, the dispatch room sends this pour no new loads. */
  @Column({ type: 'jsonb', nullable: true })
  dispatchHold!: { reason: string; byName: string; at: string } | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
