import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCustomerPortal1796244800000 implements MigrationInterface {
  name = 'AddCustomerPortal1796244800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pour_plan_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pour_id" uuid NOT NULL, "decision" character varying(24) NOT NULL, "note" character varying(1000) NOT NULL DEFAULT '', "plan_version" integer NOT NULL, "by_id" uuid NOT NULL, "by_name" character varying(120) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1a82dab7e2594121b3b4562d077" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9cc89105a6c47d76637a13c83e" ON "pour_plan_responses"  ("pour_id") `);
    await queryRunner.query(
      `CREATE TABLE "pour_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "structural_element" character varying(200) NOT NULL, "volume_m3" double precision NOT NULL, "wanted_start" TIMESTAMP WITH TIME ZONE NOT NULL, "strength_grade" character varying(8) NOT NULL, "mix_id" uuid, "slump_mm" integer NOT NULL, "pump_wanted" boolean NOT NULL, "notes" character varying(1000) NOT NULL DEFAULT '', "status" character varying(16) NOT NULL DEFAULT 'requested', "pour_id" uuid, "decline_reason" character varying(1000), "requested_by_id" uuid NOT NULL, "requested_by_name" character varying(120) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_by_name" character varying(120), "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fa0602edb97bfdcf04d36876bf2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bc3d4454c3611ea91277231f7c" ON "pour_orders"  ("project_id") `);
    await queryRunner.query(
      `ALTER TABLE "pour_documents" ADD "acknowledged_by_customer" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "specimen_sets" ADD "witness_name" character varying(80)`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" ADD "witness_signature" bytea`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" ADD "witnessed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" ADD "witnessed_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" ADD "witnessed_by_name" character varying(120)`);
    await queryRunner.query(
      `ALTER TABLE "pour_plan_responses" ADD CONSTRAINT "FK_9cc89105a6c47d76637a13c83e6" FOREIGN KEY ("pour_id") REFERENCES "pours"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pour_orders" ADD CONSTRAINT "FK_bc3d4454c3611ea91277231f7c1" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pour_orders" ADD CONSTRAINT "FK_236fc5f81f489e26e7695c04280" FOREIGN KEY ("pour_id") REFERENCES "pours"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pour_orders" DROP CONSTRAINT "FK_236fc5f81f489e26e7695c04280"`);
    await queryRunner.query(`ALTER TABLE "pour_orders" DROP CONSTRAINT "FK_bc3d4454c3611ea91277231f7c1"`);
    await queryRunner.query(`ALTER TABLE "pour_plan_responses" DROP CONSTRAINT "FK_9cc89105a6c47d76637a13c83e6"`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" DROP COLUMN "witnessed_by_name"`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" DROP COLUMN "witnessed_by_id"`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" DROP COLUMN "witnessed_at"`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" DROP COLUMN "witness_signature"`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" DROP COLUMN "witness_name"`);
    await queryRunner.query(`ALTER TABLE "pour_documents" DROP COLUMN "acknowledged_by_customer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bc3d4454c3611ea91277231f7c"`);
    await queryRunner.query(`DROP TABLE "pour_orders"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9cc89105a6c47d76637a13c83e"`);
    await queryRunner.query(`DROP TABLE "pour_plan_responses"`);
  }
}
