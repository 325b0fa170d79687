import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Cubes made from one load on site, crushed at 7 and 28 days. */
@Entity('specimen_sets')
export class SpecimenSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  label!: string;

  @Index()
  @Column({ type: 'uuid' })
  pourId!: string;

  @Column({ type: 'uuid' })
  loadId!: string;

  @Column({ type: 'uuid' })
  mixId!: string;

  @Column({ type: 'integer' })
  specimenCount!: number;

  /** Edge of the cubes: 150 mm is the standard; others are converted (GB/T 50107 4.3.2). */
  @Column({ type: 'integer', default: 150 })
  cubeSizeMm!: number;

  @Column({ type: 'timestamptz' })
  madeAt!: Date;

  @Column({ type: 'uuid' })
  madeById!: string;

  @Column({ type: 'varchar', length: 160 })
  madeByName!: string;

  @Column({ type: 'jsonb', nullable: true })
  results7dMpa!: number[] | null;

  @Column({ type: 'jsonb', nullable: true })
  results28dMpa!: number[] | null;

  /** The supervising engineer's witness of the specimens' making: their name, drawn signature, when and which account. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  witnessName!: string | null;

  @Column({ type: 'bytea', nullable: true })
  witnessSignature!: Buffer | null;

  @Column({ type: 'timestamptz', nullable: true })
  witnessedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  witnessedById!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  witnessedByName!: string | null;
}
