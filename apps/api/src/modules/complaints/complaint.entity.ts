import type { ComplaintCategory, ComplaintState } from '@pourline/domain';
import type { ComplaintKind } from '@pourline/contracts';
import { Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A complaint or suggestion, as received from the customer; its steps say how it was worked. */
@Entity('complaints')
@Index(['state', 'receivedAt'])
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** A running number, quoted on the phone as CP-00042. */
  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  serial!: number;

  @Column({ type: 'varchar', length: 12 })
  kind!: ComplaintKind;

  @Column({ type: 'varchar', length: 12 })
  category!: ComplaintCategory;

  @Column({ type: 'varchar', length: 16 })
  state!: ComplaintState;

  @Index()
  @Column({ type: 'uuid' })
  projectId!: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  pourId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  loadId!: string | null;

  /** The non-conformance of the rejected load, when concrete was taken back as our fault. */
  @Column({ type: 'uuid', nullable: true })
  nonConformanceId!: string | null;

  @Column({ type: 'boolean', default: false })
  concreteReturned!: boolean;

  @Column({ type: 'varchar', length: 160 })
  title!: string;

  @Column({ type: 'varchar', length: 4000 })
  description!: string;

  @Column({ type: 'varchar', length: 12 })
  raisedVia!: 'customer' | 'after_sales';

  @Column({ type: 'uuid' })
  raisedById!: string;

  @Column({ type: 'varchar', length: 160 })
  raisedByName!: string;

  /** By the server's clock: the service timers run from here. */
  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'date', nullable: true })
  followUpVisitedOn!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  followUpNote!: string | null;

  @Column({ type: 'smallint', nullable: true })
  satisfaction!: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  satisfactionComment!: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  followUpByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  followUpAt!: Date | null;
}
