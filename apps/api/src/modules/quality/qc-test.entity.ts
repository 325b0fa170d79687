import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { QcOutcome, QcStage } from '@pourline/contracts';
import type { RecordedQcFailureReason, RuleSet, SlumpKind } from '@pourline/domain';

/**
 * One test of one load. Append-only: a correction is a new record that names
 * the one it corrects, and an override lives in its own table.
 */
@Entity('qc_tests')
@Index(['loadId', 'testedAt'])
export class QcTestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  loadId!: string;

  @Column({ type: 'uuid' })
  pourId!: string;

  @Column({ type: 'varchar', length: 8 })
  stage!: QcStage;

  @Column({ type: 'double precision' })
  slumpMm!: number;

  @Column({ type: 'varchar', length: 12 })
  slumpKind!: SlumpKind;

  @Column({ type: 'integer' })
  designSlumpMm!: number;

  @Column({ type: 'double precision', nullable: true })
  temperatureC!: number | null;

  @Column({ type: 'double precision', nullable: true })
  airPercent!: number | null;

  @Column({ type: 'double precision' })
  minutesSinceBatch!: number;

  @Column({ type: 'uuid' })
  inspectorId!: string;

  @Column({ type: 'varchar', length: 160 })
  inspectorName!: string;

  /** When the sample was tested: the concrete's age and the verdict are judged at this time. */
  @Column({ type: 'timestamptz' })
  testedAt!: Date;

  /** When the server received the test; later than testedAt for one queued on a tablet offline. */
  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'text', default: '' })
  remarks!: string;

  @Column({ type: 'boolean' })
  pass!: boolean;

  @Column({ type: 'jsonb' })
  reasons!: RecordedQcFailureReason[];

  @Column({ type: 'varchar', length: 16 })
  outcome!: QcOutcome;

  @Column({ type: 'varchar', length: 32 })
  ruleSetVersion!: string;

  /** The rules as they were, so the decision can be read again later. */
  @Column({ type: 'jsonb' })
  ruleSet!: RuleSet;

  @Column({ type: 'uuid', nullable: true })
  checkTestOf!: string | null;

  @Column({ type: 'uuid', nullable: true })
  correctsTestId!: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  photo?: Buffer | null;

  @Column({ type: 'boolean', default: false })
  hasPhoto!: boolean;
}
