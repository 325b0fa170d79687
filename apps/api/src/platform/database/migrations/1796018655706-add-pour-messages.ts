import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPourMessages1796018655706 implements MigrationInterface {
  name = 'AddPourMessages1796018655706';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pour_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pour_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "text" character varying(500) NOT NULL DEFAULT '', "params" jsonb NOT NULL DEFAULT '{}', "by_id" uuid NOT NULL, "by_name" character varying(160) NOT NULL, "by_role" character varying(32) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "proposed_remaining_m3" double precision, "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_by_id" uuid, "confirmed_by_name" character varying(160), "confirmed_by_role" character varying(32), "planned_m3" jsonb, CONSTRAINT "PK_5ea1e57fad4ea5e6885d7bb3b46" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8c434564fd7a3fd66f3c090382" ON "pour_messages"  ("pour_id", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_8c434564fd7a3fd66f3c090382"`);
    await queryRunner.query(`DROP TABLE "pour_messages"`);
  }
}
