import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Trackers that report but are registered on no truck or pump: an operator should see them. */
@Entity('unknown_devices')
export class UnknownDeviceEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  deviceId!: string;

  @Column({ type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ type: 'integer' })
  attempts!: number;
}
