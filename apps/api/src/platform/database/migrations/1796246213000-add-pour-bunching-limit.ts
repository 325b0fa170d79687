import { MigrationInterface, QueryRunner } from 'typeorm';

/** A pour's own bunching limit: how many trucks may wait at its pump before the dispatch room is told. */
export class AddPourBunchingLimit1796246213000 implements MigrationInterface {
  name = 'AddPourBunchingLimit1796246213000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pour_dispatch_settings" ADD "bunching_max_waiting" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pour_dispatch_settings" DROP COLUMN "bunching_max_waiting"`);
  }
}
