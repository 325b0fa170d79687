import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a request sent with an Idempotency-Key, kept so a repeat gets it again. */
@Entity('idempotent_requests')
export class IdempotentRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  @Column({ type: 'varchar', length: 8 })
  method!: string;

  @Column({ type: 'varchar', length: 300 })
  path!: string;

  /** SHA-256 of the request body, so a key sent again with other words is told apart; null on older rows. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestHash!: string | null;

  /** Null while the first request is still being handled. */
  @Column({ type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  body!: unknown;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
