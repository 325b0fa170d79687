import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A photo of what the customer saw, stored with the complaint. */
@Entity('complaint_photos')
@Index(['complaintId', 'uploadedAt'])
export class ComplaintPhotoEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  complaintId!: string;

  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  /** As read from the file's first bytes, never from its name. */
  @Column({ type: 'varchar', length: 40 })
  mimeType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ type: 'varchar', length: 160 })
  uploadedByName!: string;

  @Column({ type: 'timestamptz' })
  uploadedAt!: Date;
}
