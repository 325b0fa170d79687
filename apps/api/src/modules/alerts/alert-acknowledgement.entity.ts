import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person in the dispatch room saw an alert and says what was done about it. */
@Entity('alert_acknowledgements')
export class AlertAcknowledgementEntity {
  /** The live event's number: one acknowledgement per alert. */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'varchar', length: 500 })
  note!: string;

  @Column({ type: 'uuid' })
  byId!: string;

  @Column({ type: 'varchar', length: 160 })
  byName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
