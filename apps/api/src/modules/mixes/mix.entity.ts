import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SlumpKind } from '@pourline/domain';

/** A mix design: what goes into a cubic metre and the limits it must meet. */
@Entity('mixes')
export class MixEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 8 })
  strengthGrade!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  description!: string;

  @Column({ type: 'double precision' })
  cementKgPerM3!: number;

  @Column({ type: 'double precision' })
  waterKgPerM3!: number;

  @Column({ type: 'double precision' })
  maxWaterCementRatio!: number;

  @Column({ type: 'varchar', length: 12 })
  slumpKind!: SlumpKind;

  @Column({ type: 'integer' })
  targetSlumpMm!: number;

  /** Null: the tolerance comes from the plant's slump standard. */
  @Column({ type: 'integer', nullable: true })
  slumpToleranceMm!: number | null;

  @Column({ type: 'integer' })
  initialSettingMinutes!: number;

  @Column({ type: 'integer', default: 90 })
  maxMinutesBatchToDischarge!: number;

  @Column({ type: 'boolean', default: false })
  airEntrained!: boolean;

  @Column({ type: 'double precision', nullable: true })
  targetAirPercent!: number | null;

  @Column({ type: 'double precision', nullable: true })
  minTemperatureC!: number | null;

  @Column({ type: 'double precision', nullable: true })
  maxTemperatureC!: number | null;
}
