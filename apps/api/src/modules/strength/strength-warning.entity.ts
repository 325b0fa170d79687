import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { StrengthWarningKind } from '@pourline/contracts';

/**
 * An early warning or a production-control alert. Its key says what it is
 * about (a lot; a mix's drift run; a plant's grade in a month) and is unique
 * per kind, so each is raised once however often the figures are recomputed.
 */
@Entity('strength_warnings')
@Index(['kind', 'key'], { unique: true })
@Index(['plantId', 'raisedAt'])
export class StrengthWarningEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: StrengthWarningKind;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ type: 'uuid' })
  plantId!: string;

  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  lotId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  mixId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  strengthGrade!: string;

  @Column({ type: 'varchar', length: 500 })
  summary!: string;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
