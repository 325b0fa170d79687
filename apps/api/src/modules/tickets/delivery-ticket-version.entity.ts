import type { DeliveryTicketContent, TicketSignMoment } from '@pourline/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LoadEntity } from '../loads/load.entity';

/**
 * One version of a load's delivery ticket. The first exists once the site
 * signs or refuses it; a correction adds the next, referencing the one it
 * corrects. Once signed or refused a version is never changed: its content
 * is frozen as it was signed.
 */
@Entity('delivery_ticket_versions')
@Index(['loadId', 'version'], { unique: true })
export class DeliveryTicketVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  loadId!: string;

  @ManyToOne(() => LoadEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'load_id' })
  load?: LoadEntity;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'int', nullable: true })
  supersedesVersion!: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  correctionReason!: string | null;

  @Column({ type: 'varchar', length: 1000, default: '' })
  remarks!: string;

  @Column({ type: 'uuid', nullable: true })
  correctedById!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  correctedByName!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: 'signed' | 'refused' | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  moment!: TicketSignMoment | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  signerName!: string | null;

  @Column({ type: 'bytea', nullable: true })
  signatureImage!: Buffer | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  refusalReason!: string | null;

  /** When the site signed, by the device's clock within the usual limits. */
  @Column({ type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  signatureReceivedAt!: Date | null;

  /** The account that was signed in when the signature was recorded. */
  @Column({ type: 'uuid', nullable: true })
  signedById!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  signedByName!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  signedContent!: DeliveryTicketContent | null;
}
