import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last ticket number issued per plant and plant-local day. */
@Entity('ticket_counters')
export class TicketCounterEntity {
  @PrimaryColumn({ type: 'uuid' })
  plantId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'integer' })
  lastNumber!: number;
}
