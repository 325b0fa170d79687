import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unknown trackers are counted in memory now, in a bounded table: an id that
 * is not registered must not cost a database write on every report.
 */
export class DropUnknownDevices1796214821847 implements MigrationInterface {
  name = 'DropUnknownDevices1796214821847';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "unknown_devices"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "unknown_devices" ("device_id" character varying(64) NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL, CONSTRAINT "PK_30f28b696b8a66b49192372e4cb" PRIMARY KEY ("device_id"))`,
    );
  }
}
