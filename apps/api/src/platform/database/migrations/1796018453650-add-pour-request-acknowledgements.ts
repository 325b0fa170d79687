import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPourRequestAcknowledgements1796018453650 implements MigrationInterface {
  name = 'AddPourRequestAcknowledgements1796018453650';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pour_requests" ADD "acknowledged_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "pour_requests" ADD "acknowledged_by_name" character varying(160)`);
    await queryRunner.query(`ALTER TABLE "pour_requests" ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "pour_requests" ADD "acknowledgement_note" character varying(200) NOT NULL DEFAULT ''`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pour_requests" DROP COLUMN "acknowledgement_note"`);
    await queryRunner.query(`ALTER TABLE "pour_requests" DROP COLUMN "acknowledged_at"`);
    await queryRunner.query(`ALTER TABLE "pour_requests" DROP COLUMN "acknowledged_by_name"`);
    await queryRunner.query(`ALTER TABLE "pour_requests" DROP COLUMN "acknowledged_by_id"`);
  }
}
