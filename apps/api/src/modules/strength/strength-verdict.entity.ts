import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Sigma0RecordDto } from '@pourline/contracts';
import type { StrengthEvaluation, StrengthMethod } from '@pourline/domain';

/**
 * A lot judged on its 28-day values, kept whole: the method and its version,
 * every figure, the plant's record and the set values. Append-only; a new
 * result makes a new verdict.
 */
@Entity('strength_verdicts')
@Index(['lotId', 'judgedAt'])
export class StrengthVerdictEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  lotId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  judgedAt!: Date;

  @Column({ type: 'varchar', length: 32 })
  method!: StrengthMethod;

  @Column({ type: 'varchar', length: 64 })
  methodVersion!: string;

  @Column({ type: 'boolean' })
  pass!: boolean;

  @Column({ type: 'jsonb' })
  evaluation!: StrengthEvaluation;

  @Column({ type: 'jsonb' })
  record!: Sigma0RecordDto;

  @Column({ type: 'jsonb' })
  setValues!: { setId: string; label: string; strengthMpa: number }[];
}
