import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PourRequestKind } from '@pourline/contracts';

/** A site's request to the dispatch room about its pour's rhythm. */
@Entity('pour_requests')
@Index(['pourId', 'at'])
export class PourRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pourId!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: PourRequestKind;

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @Column({ type: 'uuid' })
  byId!: string;

  @Column({ type: 'varchar', length: 160 })
  byName!: string;

  /** When the server received the request. */
  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** When the person asked, for a request queued on a tablet offline; null when sent at once. */
  @Column({ type: 'timestamptz', nullable: true })
  observedAt!: Date | null;

  /** The dispatch room's "copy". */
  @Column({ type: 'uuid', nullable: true })
  acknowledgedById!: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  acknowledgedByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  acknowledgementNote!: string;
}
