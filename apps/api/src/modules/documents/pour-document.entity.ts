import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentType } from '@pourline/domain';
import { PourEntity } from '../pours/pour.entity';

/** A pre-pour technical report, its file, and when it reached the construction party. */
@Entity('pour_documents')
export class PourDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  pourId!: string;

  @ManyToOne(() => PourEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pour_id' })
  pour?: PourEntity;

  @Column({ type: 'varchar', length: 32 })
  type!: DocumentType;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  /** Kept in the database so every API instance serves it and backups hold it. */
  @Column({ type: 'bytea', select: false })
  content?: Buffer;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'uuid' })
  uploadedById!: string;

  @Column({ type: 'varchar', length: 120 })
  uploadedByName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deliveredById!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  deliveredByName!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  deliveredTo!: string | null;

  /** True when the construction party acknowledged receipt itself, signed in as the customer. */
  @Column({ type: 'boolean', default: false })
  acknowledgedByCustomer!: boolean;
}
