import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log and position history become tables partitioned by day (UTC),
 * so retention drops a day at a time instead of deleting rows. TypeORM does
 * not model partitioning: the entities describe the parent's columns, key and
 * indexes, which every partition inherits, and this migration builds the rest
 * by hand. Each table gets a default partition for rows of a day that has no
 * partition yet; the retention service moves them into their day later.
 *
 * Partitions are created for every day that already holds rows and for today
 * and the next three days; the retention service keeps that window ahead and
 * drops what its settings no longer keep.
 */
interface Layout {
  table: string;
  timeColumn: string;
  /** Column definitions, as in `CREATE TABLE name (…)`. */
  definition: string;
  key: string;
  columns: string;
  indexes: string[];
}

const LIVE_EVENTS: Layout = {
  table: 'live_events',
  timeColumn: 'at',
  definition: `"seq" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "type" character varying(40) NOT NULL, "project_id" uuid, "payload" jsonb NOT NULL`,
  key: `CONSTRAINT "PK_89e7453925cb3089d1acd46543c" PRIMARY KEY ("seq", "at")`,
  columns: `"seq", "at", "type", "project_id", "payload"`,
  indexes: [`CREATE INDEX "live_events_project_seq" ON "live_events" ("project_id", "seq")`],
};

const POSITIONS: Layout = {
  table: 'positions',
  timeColumn: 'fix_time',
  definition: `"id" bigint NOT NULL DEFAULT nextval('positions_id_seq'), "device_id" character varying(64) NOT NULL, "entity_type" character varying(8) NOT NULL, "entity_id" uuid NOT NULL, "fix_time" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lat" double precision NOT NULL, "lng" double precision NOT NULL, "speed_kmh" double precision, "bearing_deg" double precision, "altitude_m" double precision, "accuracy_m" double precision, "battery_percent" double precision, "attributes" jsonb NOT NULL DEFAULT '{}'`,
  key: `CONSTRAINT "PK_1ec99a962a826a0be1c63348c36" PRIMARY KEY ("id", "fix_time")`,
  columns: `"id", "device_id", "entity_type", "entity_id", "fix_time", "received_at", "lat", "lng", "speed_kmh", "bearing_deg", "altitude_m", "accuracy_m", "battery_percent", "attributes"`,
  indexes: [
    `CREATE INDEX "IDX_positions_fix_time_brin" ON "positions" USING brin ("fix_time")`,
    `CREATE INDEX "positions_entity_fix_time" ON "positions" ("entity_type", "entity_id", "fix_time")`,
  ],
};

const DAYS_AHEAD = 3;

export class PartitionEventsAndPositions1796021622480 implements MigrationInterface {
  name = 'PartitionEventsAndPositions1796021622480';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.aside(queryRunner, LIVE_EVENTS.table, ['PK_89e7453925cb3089d1acd46543c'], ['live_events_project_seq']);
    await this.partitioned(queryRunner, LIVE_EVENTS);

    await this.aside(queryRunner, POSITIONS.table, ['PK_17e4e62ccd5749b289ae3fae6f3'], ['IDX_positions_fix_time_brin']);
    // The id sequence outlives the old table: numbering goes on where it was.
    await queryRunner.query(`ALTER SEQUENCE "positions_id_seq" OWNED BY NONE`);
    await this.partitioned(queryRunner, POSITIONS);
    await queryRunner.query(`ALTER SEQUENCE "positions_id_seq" OWNED BY "positions"."id"`);

    await queryRunner.query(`DROP TABLE "live_events_unpartitioned"`);
    await queryRunner.query(`DROP TABLE "positions_unpartitioned"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "positions" RENAME TO "positions_partitioned"`);
    await queryRunner.query(`ALTER SEQUENCE "positions_id_seq" OWNED BY NONE`);
    await queryRunner.query(`ALTER TABLE "positions_partitioned" DROP CONSTRAINT "PK_1ec99a962a826a0be1c63348c36"`);
    await queryRunner.query(`DROP INDEX "IDX_positions_fix_time_brin"`);
    await queryRunner.query(`DROP INDEX "positions_entity_fix_time"`);
    await queryRunner.query(
      `CREATE TABLE "positions" (${POSITIONS.definition}, CONSTRAINT "PK_17e4e62ccd5749b289ae3fae6f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER SEQUENCE "positions_id_seq" OWNED BY "positions"."id"`);
    await queryRunner.query(`CREATE INDEX "IDX_positions_fix_time_brin" ON "positions" USING brin ("fix_time")`);
    await queryRunner.query(
      `INSERT INTO "positions" (${POSITIONS.columns}) SELECT ${POSITIONS.columns} FROM "positions_partitioned"`,
    );
    await queryRunner.query(`DROP TABLE "positions_partitioned"`);

    await queryRunner.query(`ALTER TABLE "live_events" RENAME TO "live_events_partitioned"`);
    await queryRunner.query(`ALTER TABLE "live_events_partitioned" DROP CONSTRAINT "PK_89e7453925cb3089d1acd46543c"`);
    await queryRunner.query(`DROP INDEX "live_events_project_seq"`);
    await queryRunner.query(`CREATE TABLE "live_events" (${LIVE_EVENTS.definition}, ${LIVE_EVENTS.key})`);
    for (const index of LIVE_EVENTS.indexes) await queryRunner.query(index);
    await queryRunner.query(
      `INSERT INTO "live_events" (${LIVE_EVENTS.columns}) SELECT ${LIVE_EVENTS.columns} FROM "live_events_partitioned"`,
    );
    await queryRunner.query(`DROP TABLE "live_events_partitioned"`);
  }

  /** Renames the old table and frees the names of its key and indexes for the new one. */
  private async aside(queryRunner: QueryRunner, table: string, keys: string[], indexes: string[]): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${table}" RENAME TO "${table}_unpartitioned"`);
    for (const key of keys) await queryRunner.query(`ALTER TABLE "${table}_unpartitioned" DROP CONSTRAINT "${key}"`);
    for (const index of indexes) await queryRunner.query(`DROP INDEX "${index}"`);
  }

  private async partitioned(queryRunner: QueryRunner, layout: Layout): Promise<void> {
    const { table, timeColumn } = layout;
    await queryRunner.query(
      `CREATE TABLE "${table}" (${layout.definition}, ${layout.key}) PARTITION BY RANGE ("${timeColumn}")`,
    );
    for (const index of layout.indexes) await queryRunner.query(index);
    await queryRunner.query(`CREATE TABLE "${table}_default" PARTITION OF "${table}" DEFAULT`);
    // One partition per UTC day, named <table>_pYYYYMMDD, bounded [midnight, next midnight).
    await queryRunner.query(`
      DO $$
      DECLARE day date;
      BEGIN
        FOR day IN
          SELECT DISTINCT ("${timeColumn}" AT TIME ZONE 'UTC')::date FROM "${table}_unpartitioned"
          UNION
          SELECT (now() AT TIME ZONE 'UTC')::date + ahead FROM generate_series(0, ${DAYS_AHEAD}) AS ahead
        LOOP
          EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                         '${table}_p' || to_char(day, 'YYYYMMDD'), '${table}',
                         day::text || ' 00:00:00+00', (day + 1)::text || ' 00:00:00+00');
        END LOOP;
      END $$`);
    await queryRunner.query(
      `INSERT INTO "${table}" (${layout.columns}) SELECT ${layout.columns} FROM "${table}_unpartitioned"`,
    );
  }
}
