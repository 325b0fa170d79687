import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchema1795871428645 implements MigrationInterface {
  name = 'CreateSchema1795871428645';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "customers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "contact_name" character varying(120) NOT NULL DEFAULT '', "phone" character varying(40) NOT NULL DEFAULT '', "email" character varying(200) NOT NULL DEFAULT '', CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(20) NOT NULL, "name" character varying(120) NOT NULL, "address" character varying(300) NOT NULL DEFAULT '', "location" jsonb NOT NULL, "geofence" jsonb NOT NULL, "time_zone" character varying(64) NOT NULL, "slump_standard" character varying(20) NOT NULL, CONSTRAINT "UQ_01730098ec1effab1a37d1b450c" UNIQUE ("code"), CONSTRAINT "PK_7056d6b283b48ee2bb0e53bee60" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "pumps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(20) NOT NULL, "kind" character varying(8) NOT NULL, "capacity_m3_per_hour" double precision NOT NULL, "boom_length_m" double precision, "tracker_device_id" character varying(64), "home_plant_id" uuid NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "UQ_7afa4ad8839fd79d69ab302c7dc" UNIQUE ("code"), CONSTRAINT "UQ_ec125651c156c2b6bef1599abb2" UNIQUE ("tracker_device_id"), CONSTRAINT "PK_c29366e8b65bd472501df54a31c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mixes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "strength_grade" character varying(8) NOT NULL, "description" character varying(300) NOT NULL DEFAULT '', "cement_kg_per_m3" double precision NOT NULL, "water_kg_per_m3" double precision NOT NULL, "max_water_cement_ratio" double precision NOT NULL, "slump_kind" character varying(12) NOT NULL, "target_slump_mm" integer NOT NULL, "slump_tolerance_mm" integer, "initial_setting_minutes" integer NOT NULL, "max_minutes_batch_to_discharge" integer NOT NULL DEFAULT '90', "air_entrained" boolean NOT NULL DEFAULT false, "target_air_percent" double precision, "min_temperature_c" double precision, "max_temperature_c" double precision, CONSTRAINT "UQ_be33b72fde53aca2cc0078c92c2" UNIQUE ("code"), CONSTRAINT "PK_aaa4f7cbcbb0429a47f7c8a8993" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(120) NOT NULL, "role" character varying(32) NOT NULL, "password_hash" character varying(255) NOT NULL, "phone" character varying(40), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "plant_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "address" character varying(300) NOT NULL DEFAULT '', "location" jsonb NOT NULL, "geofence" jsonb NOT NULL, "contacts" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8ee9cae5efccf846467e1cb005" ON "projects"  ("customer_id") `);
    await queryRunner.query(
      `CREATE TABLE "pours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "plant_id" uuid NOT NULL, "structural_element" character varying(200) NOT NULL, "scheduled_start" TIMESTAMP WITH TIME ZONE NOT NULL, "volume_m3" double precision NOT NULL, "pour_rate_m3_per_hour" double precision NOT NULL, "start_point" jsonb NOT NULL, "end_point" jsonb NOT NULL, "direction" character varying(200) NOT NULL DEFAULT '', "pump_id" uuid, "pump_position" jsonb, "pumping_method" character varying(32) NOT NULL, "entry_route" jsonb NOT NULL, "exit_route" jsonb NOT NULL, "truck_count" integer NOT NULL, "mix_id" uuid NOT NULL, "slump_target_mm" integer NOT NULL, "slump_tolerance_mm" integer NOT NULL, "initial_setting_minutes" integer NOT NULL, "required_document_types" jsonb NOT NULL, "notes" text NOT NULL DEFAULT '', "status" character varying(16) NOT NULL, "document_gate_override" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_ac4d760796ab4aad27fd12098be" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ea77ebb5a883df6ab82cdc9a6e" ON "pours"  ("project_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_18081c0d35aca03de09f3a5776" ON "pours"  ("scheduled_start") `);
    await queryRunner.query(`CREATE INDEX "IDX_bae615e4769edde8af293711ef" ON "pours"  ("status") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_e3af6cb3a4be611494bcfe0704" ON "pours"  ("plant_id", "scheduled_start") `,
    );
    await queryRunner.query(
      `CREATE TABLE "pour_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pour_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "file_name" character varying(255) NOT NULL, "mime_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "content" bytea NOT NULL, "sha256" character varying(64) NOT NULL, "uploaded_by_id" uuid NOT NULL, "uploaded_by_name" character varying(120) NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "delivered_by_id" uuid, "delivered_by_name" character varying(120), "delivered_to" character varying(120), CONSTRAINT "PK_edc689ebaf8e9ad493f1320fb93" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_24ab92e9a5ca93c822b29a03ed" ON "pour_documents"  ("pour_id") `);
    await queryRunner.query(
      `CREATE TABLE "trucks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fleet_number" character varying(20) NOT NULL, "plate_number" character varying(20) NOT NULL, "capacity_m3" double precision NOT NULL, "tracker_device_id" character varying(64), "home_plant_id" uuid NOT NULL, "driver_name" character varying(120) NOT NULL DEFAULT '', "driver_phone" character varying(40) NOT NULL DEFAULT '', "active" boolean NOT NULL DEFAULT true, CONSTRAINT "UQ_4f99d06a598cea8d35b07c62905" UNIQUE ("fleet_number"), CONSTRAINT "UQ_53203d1a99eca13d6bfdc7df0a9" UNIQUE ("plate_number"), CONSTRAINT "UQ_86110fed349dbb3c2f5c0e65e30" UNIQUE ("tracker_device_id"), CONSTRAINT "PK_6a134fb7caa4fb476d8a6e035f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_name" character varying(120) NOT NULL, "entity_type" character varying(32) NOT NULL, "entity_id" uuid NOT NULL, "action" character varying(64) NOT NULL, "changes" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b12f87335630edfd1294cf349b" ON "audit_entries"  ("at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_2fc6d94b31ce8137a4090092e3" ON "audit_entries"  ("entity_type", "entity_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "project_site_dispatchers" ("project_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_f5e06518c92e9346fea1b3bb099" PRIMARY KEY ("project_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0ac85ded8a6bcc77c500844ea6" ON "project_site_dispatchers"  ("project_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2eb140c23500bf016a2eeb6567" ON "project_site_dispatchers"  ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "pumps" ADD CONSTRAINT "FK_80a5651025d388f730d3c1d24f3" FOREIGN KEY ("home_plant_id") REFERENCES "plants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_8ee9cae5efccf846467e1cb005c" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_63e76f9143fdf38f16217d18f2c" FOREIGN KEY ("plant_id") REFERENCES "plants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pours" ADD CONSTRAINT "FK_ea77ebb5a883df6ab82cdc9a6e4" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pours" ADD CONSTRAINT "FK_c635d3ba6f2891f53317c9edaa8" FOREIGN KEY ("plant_id") REFERENCES "plants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pours" ADD CONSTRAINT "FK_51a616896a09d8185da22b1e8d2" FOREIGN KEY ("pump_id") REFERENCES "pumps"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pours" ADD CONSTRAINT "FK_2f49fb0e40f0d4d3561e477613b" FOREIGN KEY ("mix_id") REFERENCES "mixes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pour_documents" ADD CONSTRAINT "FK_24ab92e9a5ca93c822b29a03ed7" FOREIGN KEY ("pour_id") REFERENCES "pours"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trucks" ADD CONSTRAINT "FK_745c359b7482c06ecc64b9dedc1" FOREIGN KEY ("home_plant_id") REFERENCES "plants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_site_dispatchers" ADD CONSTRAINT "FK_0ac85ded8a6bcc77c500844ea64" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_site_dispatchers" ADD CONSTRAINT "FK_2eb140c23500bf016a2eeb6567d" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project_site_dispatchers" DROP CONSTRAINT "FK_2eb140c23500bf016a2eeb6567d"`);
    await queryRunner.query(`ALTER TABLE "project_site_dispatchers" DROP CONSTRAINT "FK_0ac85ded8a6bcc77c500844ea64"`);
    await queryRunner.query(`ALTER TABLE "trucks" DROP CONSTRAINT "FK_745c359b7482c06ecc64b9dedc1"`);
    await queryRunner.query(`ALTER TABLE "pour_documents" DROP CONSTRAINT "FK_24ab92e9a5ca93c822b29a03ed7"`);
    await queryRunner.query(`ALTER TABLE "pours" DROP CONSTRAINT "FK_2f49fb0e40f0d4d3561e477613b"`);
    await queryRunner.query(`ALTER TABLE "pours" DROP CONSTRAINT "FK_51a616896a09d8185da22b1e8d2"`);
    await queryRunner.query(`ALTER TABLE "pours" DROP CONSTRAINT "FK_c635d3ba6f2891f53317c9edaa8"`);
    await queryRunner.query(`ALTER TABLE "pours" DROP CONSTRAINT "FK_ea77ebb5a883df6ab82cdc9a6e4"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_63e76f9143fdf38f16217d18f2c"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_8ee9cae5efccf846467e1cb005c"`);
    await queryRunner.query(`ALTER TABLE "pumps" DROP CONSTRAINT "FK_80a5651025d388f730d3c1d24f3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2eb140c23500bf016a2eeb6567"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ac85ded8a6bcc77c500844ea6"`);
    await queryRunner.query(`DROP TABLE "project_site_dispatchers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2fc6d94b31ce8137a4090092e3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b12f87335630edfd1294cf349b"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
    await queryRunner.query(`DROP TABLE "trucks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_24ab92e9a5ca93c822b29a03ed"`);
    await queryRunner.query(`DROP TABLE "pour_documents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e3af6cb3a4be611494bcfe0704"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bae615e4769edde8af293711ef"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_18081c0d35aca03de09f3a5776"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea77ebb5a883df6ab82cdc9a6e"`);
    await queryRunner.query(`DROP TABLE "pours"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8ee9cae5efccf846467e1cb005"`);
    await queryRunner.query(`DROP TABLE "projects"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "mixes"`);
    await queryRunner.query(`DROP TABLE "pumps"`);
    await queryRunner.query(`DROP TABLE "plants"`);
    await queryRunner.query(`DROP TABLE "customers"`);
  }
}
