import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTrackerSecrets1795874915198 implements MigrationInterface {
  name = 'AddTrackerSecrets1795874915198';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pumps" ADD "tracker_secret_hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "trucks" ADD "tracker_secret_hash" character varying(64)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "trucks" DROP COLUMN "tracker_secret_hash"`);
    await queryRunner.query(`ALTER TABLE "pumps" DROP COLUMN "tracker_secret_hash"`);
  }
}
