import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTrackingAndLive1795873092093 implements MigrationInterface {
  name = 'AddTrackingAndLive1795873092093';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "latest_positions" ("entity_type" character varying(8) NOT NULL, "entity_id" uuid NOT NULL, "device_id" character varying(64) NOT NULL, "position_id" bigint NOT NULL, "fix_time" TIMESTAMP WITH TIME ZONE NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "speed_kmh" double precision, "bearing_deg" double precision, "recent_speeds_kmh" double precision array NOT NULL DEFAULT '{}', CONSTRAINT "PK_7d71ff656d9b33a15c89c871583" PRIMARY KEY ("entity_type", "entity_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "positions" ("id" BIGSERIAL NOT NULL, "device_id" character varying(64) NOT NULL, "entity_type" character varying(8) NOT NULL, "entity_id" uuid NOT NULL, "fix_time" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lat" double precision NOT NULL, "lng" double precision NOT NULL, "speed_kmh" double precision, "bearing_deg" double precision, "altitude_m" double precision, "accuracy_m" double precision, "battery_percent" double precision, "attributes" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_17e4e62ccd5749b289ae3fae6f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "pump_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pump_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "by_id" uuid, "by_name" character varying(160) NOT NULL, "note" character varying(500) NOT NULL DEFAULT '', CONSTRAINT "PK_77683055494e0b933036bd0b034" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3f85ee362e75041f9639e503a0" ON "pump_status_changes"  ("pump_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "unknown_devices" ("device_id" character varying(64) NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL, CONSTRAINT "PK_30f28b696b8a66b49192372e4cb" PRIMARY KEY ("device_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "live_events" ("seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" character varying(40) NOT NULL, "project_id" uuid, "payload" jsonb NOT NULL, CONSTRAINT "PK_17f7d7a18d0dd2016a21cebf063" PRIMARY KEY ("seq"))`,
    );
    // History is read by time range; a BRIN index stays a few pages however long it grows.
    await queryRunner.query(`CREATE INDEX "IDX_positions_fix_time_brin" ON "positions" USING brin ("fix_time")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "live_events"`);
    await queryRunner.query(`DROP TABLE "unknown_devices"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3f85ee362e75041f9639e503a0"`);
    await queryRunner.query(`DROP TABLE "pump_status_changes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_positions_fix_time_brin"`);
    await queryRunner.query(`DROP TABLE "positions"`);
    await queryRunner.query(`DROP TABLE "latest_positions"`);
  }
}
