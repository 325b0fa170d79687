import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RecordedQcFailureReason } from '@pourline/domain';

/** Opened when concrete is rejected on site, and followed up until closed. */
@Entity('non_conformances')
export class NonConformanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  pourId!: string;

  @Column({ type: 'uuid', unique: true })
  loadId!: string;

  @Column({ type: 'uuid' })
  qcTestId!: string;

  @Column({ type: 'uuid' })
  replacementLoadId!: string;

  @Column({ type: 'jsonb' })
  reasons!: RecordedQcFailureReason[];

  @Column({ type: 'double precision' })
  volumeM3!: number;

  @Column({ type: 'uuid' })
  openedById!: string;

  @Column({ type: 'varchar', length: 160 })
  openedByName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status!: 'open' | 'closed';
}
