import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MessageCode, PourLogParams, Role } from '@pourline/contracts';

/** One thing said about a pour: a quick message by its code, or typed words. Kept, never edited. */
@Entity('pour_messages')
@Index(['pourId', 'at'])
export class PourMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pourId!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: MessageCode;

  /** Typed words; empty for a quick message. PostgreSQL counts characters, as the request schema does. */
  @Column({ type: 'varchar', length: 500, default: '' })
  text!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: PourLogParams;

  @Column({ type: 'uuid' })
  byId!: string;

  @Column({ type: 'varchar', length: 160 })
  byName!: string;

  @Column({ type: 'varchar', length: 32 })
  byRole!: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** The site's "last load": what would remain to be sent, once the dispatch room confirms it. */
  @Column({ type: 'double precision', nullable: true })
  proposedRemainingM3!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedById!: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  confirmedByName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  confirmedByRole!: Role | null;

  /** The pour's planned volume before and after the confirmation. */
  @Column({ type: 'jsonb', nullable: true })
  plannedM3!: { from: number; to: number } | null;
}
