import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStrengthAcceptance1796018916020 implements MigrationInterface {
  name = 'AddStrengthAcceptance1796018916020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inspection_lots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "project_id" uuid NOT NULL, "plant_id" uuid NOT NULL, "mix_id" uuid NOT NULL, "strength_grade" character varying(8) NOT NULL, "age_days" integer NOT NULL DEFAULT '28', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_id" uuid NOT NULL, "created_by_name" character varying(160) NOT NULL, CONSTRAINT "PK_f45655bad97fb16e99b9a03800b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a1481a67391a3bf5f32f51bfc5" ON "inspection_lots"  ("project_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4d80e1fd0f81a30e7a76d62aad" ON "inspection_lots"  ("plant_id") `);
    await queryRunner.query(
      `CREATE TABLE "inspection_lot_pours" ("pour_id" uuid NOT NULL, "lot_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "added_by_id" uuid NOT NULL, "added_by_name" character varying(160) NOT NULL, CONSTRAINT "PK_1a036f3e4310da46fe7e629345b" PRIMARY KEY ("pour_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5b1617d5aaef16cda9f6787d96" ON "inspection_lot_pours"  ("lot_id") `);
    await queryRunner.query(
      `CREATE TABLE "strength_verdicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lot_id" uuid NOT NULL, "judged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "method" character varying(32) NOT NULL, "method_version" character varying(64) NOT NULL, "pass" boolean NOT NULL, "evaluation" jsonb NOT NULL, "record" jsonb NOT NULL, "set_values" jsonb NOT NULL, CONSTRAINT "PK_18a17d3bb0cc2de2110f82a30e8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_54f378c037d41734d14f313726" ON "strength_verdicts"  ("lot_id", "judged_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "strength_warnings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(24) NOT NULL, "key" character varying(200) NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plant_id" uuid NOT NULL, "project_id" uuid, "lot_id" uuid, "mix_id" uuid, "strength_grade" character varying(8) NOT NULL, "summary" character varying(500) NOT NULL, "details" jsonb NOT NULL, CONSTRAINT "PK_a1004e44dc1b31005f530af2fe3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3ccac09f618e62c70bab9cee31" ON "strength_warnings"  ("lot_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_f2d26a901f11aea68ab6150894" ON "strength_warnings"  ("plant_id", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5b736d6ebb8d59ec7edf0753ca" ON "strength_warnings"  ("kind", "key") `,
    );
    await queryRunner.query(`ALTER TABLE "specimen_sets" ADD "cube_size_mm" integer NOT NULL DEFAULT '150'`);
    await queryRunner.query(
      `ALTER TABLE "inspection_lots" ADD CONSTRAINT "FK_a1481a67391a3bf5f32f51bfc55" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_lots" ADD CONSTRAINT "FK_4d80e1fd0f81a30e7a76d62aadf" FOREIGN KEY ("plant_id") REFERENCES "plants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_lots" ADD CONSTRAINT "FK_d2b00648793d6b1f44bfec5c10e" FOREIGN KEY ("mix_id") REFERENCES "mixes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_lot_pours" ADD CONSTRAINT "FK_1a036f3e4310da46fe7e629345b" FOREIGN KEY ("pour_id") REFERENCES "pours"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_lot_pours" ADD CONSTRAINT "FK_5b1617d5aaef16cda9f6787d960" FOREIGN KEY ("lot_id") REFERENCES "inspection_lots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inspection_lot_pours" DROP CONSTRAINT "FK_5b1617d5aaef16cda9f6787d960"`);
    await queryRunner.query(`ALTER TABLE "inspection_lot_pours" DROP CONSTRAINT "FK_1a036f3e4310da46fe7e629345b"`);
    await queryRunner.query(`ALTER TABLE "inspection_lots" DROP CONSTRAINT "FK_d2b00648793d6b1f44bfec5c10e"`);
    await queryRunner.query(`ALTER TABLE "inspection_lots" DROP CONSTRAINT "FK_4d80e1fd0f81a30e7a76d62aadf"`);
    await queryRunner.query(`ALTER TABLE "inspection_lots" DROP CONSTRAINT "FK_a1481a67391a3bf5f32f51bfc55"`);
    await queryRunner.query(`ALTER TABLE "specimen_sets" DROP COLUMN "cube_size_mm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5b736d6ebb8d59ec7edf0753ca"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f2d26a901f11aea68ab6150894"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ccac09f618e62c70bab9cee31"`);
    await queryRunner.query(`DROP TABLE "strength_warnings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_54f378c037d41734d14f313726"`);
    await queryRunner.query(`DROP TABLE "strength_verdicts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5b1617d5aaef16cda9f6787d96"`);
    await queryRunner.query(`DROP TABLE "inspection_lot_pours"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d80e1fd0f81a30e7a76d62aad"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a1481a67391a3bf5f32f51bfc5"`);
    await queryRunner.query(`DROP TABLE "inspection_lots"`);
  }
}
