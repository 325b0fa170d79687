import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPlantOperatorsAndBatchRecords1796018404196 implements MigrationInterface {
  name = 'AddPlantOperatorsAndBatchRecords1796018404196';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plant_operators" ("plant_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_02c29f9aba3cdaa672d0687e801" PRIMARY KEY ("plant_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b92034761a11a613e8658a703a" ON "plant_operators"  ("plant_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d9e1c597fe4e091eaf3701fcdb" ON "plant_operators"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "loads" ADD "batch_record" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "plant_operators" ADD CONSTRAINT "FK_b92034761a11a613e8658a703a6" FOREIGN KEY ("plant_id") REFERENCES "plants"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "plant_operators" ADD CONSTRAINT "FK_d9e1c597fe4e091eaf3701fcdbd" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plant_operators" DROP CONSTRAINT "FK_d9e1c597fe4e091eaf3701fcdbd"`);
    await queryRunner.query(`ALTER TABLE "plant_operators" DROP CONSTRAINT "FK_b92034761a11a613e8658a703a6"`);
    await queryRunner.query(`ALTER TABLE "loads" DROP COLUMN "batch_record"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d9e1c597fe4e091eaf3701fcdb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b92034761a11a613e8658a703a"`);
    await queryRunner.query(`DROP TABLE "plant_operators"`);
  }
}
