import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddLoadsAndQuality1795872280165 implements MigrationInterface {
  name = 'AddLoadsAndQuality1795872280165';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "load_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "load_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "from_status" character varying(24), "to_status" character varying(24) NOT NULL, "actor_id" uuid, "actor_name" character varying(160) NOT NULL, "note" character varying(1000) NOT NULL DEFAULT '', CONSTRAINT "PK_a19e4586006ff527497efa95caf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6bebfd52b950b8186b51c06965" ON "load_events"  ("load_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "loads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_number" character varying(40) NOT NULL, "plant_id" uuid NOT NULL, "ticket_day" date NOT NULL, "ticket_sequence" integer NOT NULL, "pour_id" uuid NOT NULL, "truck_id" uuid, "mix_id" uuid NOT NULL, "volume_m3" double precision NOT NULL, "over_order_reason" character varying(1000), "status" character varying(24) NOT NULL, "rejected" boolean NOT NULL DEFAULT false, "queue_position" integer NOT NULL, "replaces_load_id" uuid, "batched_at" TIMESTAMP WITH TIME ZONE, "discharge_deadline" TIMESTAMP WITH TIME ZONE, "deadline_limited_by" character varying(16), "flagged_for_qc" boolean NOT NULL DEFAULT false, "site_acceptance" character varying(16), "water_added_litres" double precision NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ea6459e7d112cf4793d2506b4ab" UNIQUE ("ticket_number"), CONSTRAINT "PK_c90caf6ef671c1a292bc4b4bc1b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f74e76dcb36eb91c4b32528441" ON "loads"  ("pour_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bb60606ade409eb486e4b5ec67" ON "loads"  ("status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_loads_truck_busy" ON "loads"  ("truck_id") WHERE "status" IN ('loading', 'plant_qc', 'held', 'released', 'en_route', 'on_site', 'discharging', 'discharged', 'returning', 'rejected', 'returning_with_load')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f9da16120abacfc5a45a9e424b" ON "loads"  ("plant_id", "ticket_day", "ticket_sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_counters" ("plant_id" uuid NOT NULL, "day" date NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_d459a02886326b56db7bb08da47" PRIMARY KEY ("plant_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "water_additions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "load_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "litres" double precision NOT NULL, "added_by" character varying(120) NOT NULL, "requested_by" character varying(120) NOT NULL, "recorded_by_id" uuid NOT NULL, "recorded_by_name" character varying(160) NOT NULL, CONSTRAINT "PK_6bd0257bd2c87e9943719133569" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1d25b4d8b2e742d4d922d46736" ON "water_additions"  ("load_id") `);
    await queryRunner.query(
      `CREATE TABLE "non_conformances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pour_id" uuid NOT NULL, "load_id" uuid NOT NULL, "qc_test_id" uuid NOT NULL, "replacement_load_id" uuid NOT NULL, "reasons" jsonb NOT NULL, "volume_m3" double precision NOT NULL, "opened_by_id" uuid NOT NULL, "opened_by_name" character varying(160) NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(8) NOT NULL DEFAULT 'open', CONSTRAINT "UQ_6c25a72a4b8fd2b47086af79da7" UNIQUE ("load_id"), CONSTRAINT "PK_3dc16bc98bc1afb6ccb8ce89f4b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_121fc95fd73691ef9da5130b9f" ON "non_conformances"  ("pour_id") `);
    await queryRunner.query(
      `CREATE TABLE "qc_overrides" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "qc_test_id" uuid NOT NULL, "reason" character varying(1000) NOT NULL, "by_id" uuid NOT NULL, "by_name" character varying(160) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_752224d7d38449c0a29dd3c9b26" UNIQUE ("qc_test_id"), CONSTRAINT "PK_ba7f9df6afed09daab90ff51a66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "qc_tests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "load_id" uuid NOT NULL, "pour_id" uuid NOT NULL, "stage" character varying(8) NOT NULL, "slump_mm" double precision NOT NULL, "slump_kind" character varying(12) NOT NULL, "design_slump_mm" integer NOT NULL, "temperature_c" double precision, "air_percent" double precision, "minutes_since_batch" double precision NOT NULL, "inspector_id" uuid NOT NULL, "inspector_name" character varying(160) NOT NULL, "tested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "remarks" text NOT NULL DEFAULT '', "pass" boolean NOT NULL, "reasons" jsonb NOT NULL, "outcome" character varying(16) NOT NULL, "rule_set_version" character varying(32) NOT NULL, "rule_set" jsonb NOT NULL, "check_test_of" uuid, "corrects_test_id" uuid, "photo" bytea, "has_photo" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_a0fdb2dfc1d86a0232f987987e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_629cdb966a6c2d3dec4f9b9fe8" ON "qc_tests"  ("load_id", "tested_at") `);
    await queryRunner.query(
      `CREATE TABLE "specimen_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "label" character varying(40) NOT NULL, "pour_id" uuid NOT NULL, "load_id" uuid NOT NULL, "mix_id" uuid NOT NULL, "specimen_count" integer NOT NULL, "made_at" TIMESTAMP WITH TIME ZONE NOT NULL, "made_by_id" uuid NOT NULL, "made_by_name" character varying(160) NOT NULL, "results7d_mpa" jsonb, "results28d_mpa" jsonb, CONSTRAINT "UQ_a36be036fa637bf43c1a60e5eba" UNIQUE ("label"), CONSTRAINT "PK_b1d374e9fab8def1c822f604aee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2b18647945667a4ea657bc48dc" ON "specimen_sets"  ("pour_id") `);
    await queryRunner.query(`ALTER TABLE "plants" ADD "rule_overrides" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "loads" ADD CONSTRAINT "FK_f74e76dcb36eb91c4b32528441c" FOREIGN KEY ("pour_id") REFERENCES "pours"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loads" ADD CONSTRAINT "FK_75f449c060cf78608415ebbc8cd" FOREIGN KEY ("truck_id") REFERENCES "trucks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loads" ADD CONSTRAINT "FK_ebd2e9a1c70e332803972ecfb75" FOREIGN KEY ("mix_id") REFERENCES "mixes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "loads" DROP CONSTRAINT "FK_ebd2e9a1c70e332803972ecfb75"`);
    await queryRunner.query(`ALTER TABLE "loads" DROP CONSTRAINT "FK_75f449c060cf78608415ebbc8cd"`);
    await queryRunner.query(`ALTER TABLE "loads" DROP CONSTRAINT "FK_f74e76dcb36eb91c4b32528441c"`);
    await queryRunner.query(`ALTER TABLE "plants" DROP COLUMN "rule_overrides"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b18647945667a4ea657bc48dc"`);
    await queryRunner.query(`DROP TABLE "specimen_sets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_629cdb966a6c2d3dec4f9b9fe8"`);
    await queryRunner.query(`DROP TABLE "qc_tests"`);
    await queryRunner.query(`DROP TABLE "qc_overrides"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_121fc95fd73691ef9da5130b9f"`);
    await queryRunner.query(`DROP TABLE "non_conformances"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1d25b4d8b2e742d4d922d46736"`);
    await queryRunner.query(`DROP TABLE "water_additions"`);
    await queryRunner.query(`DROP TABLE "ticket_counters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f9da16120abacfc5a45a9e424b"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_loads_truck_busy"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bb60606ade409eb486e4b5ec67"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f74e76dcb36eb91c4b32528441"`);
    await queryRunner.query(`DROP TABLE "loads"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6bebfd52b950b8186b51c06965"`);
    await queryRunner.query(`DROP TABLE "load_events"`);
  }
}
