import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row: how far the relay has numbered and pushed, and how far retention has pruned. */
@Entity('live_relay_state')
export class LiveRelayStateEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  /** The highest number given to an event; the next one gets this plus one. */
  @Column({ type: 'bigint', default: 0 })
  lastSeq!: string;

  /** Every event up to here has been pushed; a new leader pushes again from here. */
  @Column({ type: 'bigint', default: 0 })
  publishedSeq!: string;

  /** Events up to here may have been dropped by retention; replay cannot go back further. */
  @Column({ type: 'bigint', default: 0 })
  prunedThroughSeq!: string;
}
