import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddIdempotencyAndPourRequests1795875271564 implements MigrationInterface {
  name = 'AddIdempotencyAndPourRequests1795875271564';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotent_requests" ("user_id" uuid NOT NULL, "key" character varying(100) NOT NULL, "method" character varying(8) NOT NULL, "path" character varying(300) NOT NULL, "status_code" integer, "body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e9d1179aea1e62ee8c7979d8b3a" PRIMARY KEY ("user_id", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_eb493383ae5b98a0270bfc1704" ON "idempotent_requests"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "pour_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pour_id" uuid NOT NULL, "kind" character varying(12) NOT NULL, "note" character varying(500) NOT NULL DEFAULT '', "by_id" uuid NOT NULL, "by_name" character varying(160) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0ffb7a70faf0da2397c5193b12d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5d6ebd975e83cfef2f38b0a2b6" ON "pour_requests"  ("pour_id", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_5d6ebd975e83cfef2f38b0a2b6"`);
    await queryRunner.query(`DROP TABLE "pour_requests"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb493383ae5b98a0270bfc1704"`);
    await queryRunner.query(`DROP TABLE "idempotent_requests"`);
  }
}
