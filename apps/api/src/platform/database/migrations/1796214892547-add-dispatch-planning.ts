import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dispatch planning: each pour's auto switch and cold-joint limit, the
 * decisions taken on the planner's proposals, the causes of flow alerts still
 * open, the accepted loading time of a load, and alerts that resolve by themselves.
 */
export class AddDispatchPlanning1796214892547 implements MigrationInterface {
  name = 'AddDispatchPlanning1796214892547';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dispatch_conditions" ("key" character varying(120) NOT NULL, "kind" character varying(24) NOT NULL, "pour_id" uuid, "project_id" uuid, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1a23baa887efb2bd7e1900847aa" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "dispatch_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pour_id" uuid NOT NULL, "load_id" uuid NOT NULL, "kind" character varying(12) NOT NULL, "proposed" jsonb, "chosen" jsonb NOT NULL, "reason" character varying(1000) NOT NULL DEFAULT '', "by_id" uuid NOT NULL, "by_name" character varying(160) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb182c2a29ba17072fcd6258e70" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8aee6248579fc5f1ffee0566ed" ON "dispatch_decisions"  ("load_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2fec0cf4e72aac1e057b3ecf80" ON "dispatch_decisions"  ("pour_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "pour_dispatch_settings" ("pour_id" uuid NOT NULL, "auto" boolean NOT NULL DEFAULT false, "cold_joint_limit_minutes" integer, "changed_by_name" character varying(160) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ddec33b217cb5659c06020de0af" PRIMARY KEY ("pour_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "loads" ADD "planned_load_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "alerts" ADD "condition_key" character varying(120)`);
    await queryRunner.query(`ALTER TABLE "alerts" ADD "resolved_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "alerts_open_condition" ON "alerts"  ("condition_key") WHERE "resolved_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."alerts_open_condition"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "resolved_at"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "condition_key"`);
    await queryRunner.query(`ALTER TABLE "loads" DROP COLUMN "planned_load_at"`);
    await queryRunner.query(`DROP TABLE "pour_dispatch_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2fec0cf4e72aac1e057b3ecf80"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8aee6248579fc5f1ffee0566ed"`);
    await queryRunner.query(`DROP TABLE "dispatch_decisions"`);
    await queryRunner.query(`DROP TABLE "dispatch_conditions"`);
  }
}
