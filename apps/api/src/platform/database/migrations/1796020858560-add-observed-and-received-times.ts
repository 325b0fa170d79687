import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddObservedAndReceivedTimes1796020858560 implements MigrationInterface {
  name = 'AddObservedAndReceivedTimes1796020858560';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "load_events" ADD "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "qc_tests" ADD "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    // Until now a test and a step were recorded when they were received.
    await queryRunner.query(`UPDATE "qc_tests" SET "received_at" = "tested_at"`);
    await queryRunner.query(`UPDATE "load_events" SET "received_at" = "at"`);
    await queryRunner.query(`ALTER TABLE "pump_status_changes" ADD "observed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "pour_requests" ADD "observed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pour_requests" DROP COLUMN "observed_at"`);
    await queryRunner.query(`ALTER TABLE "pump_status_changes" DROP COLUMN "observed_at"`);
    await queryRunner.query(`ALTER TABLE "qc_tests" DROP COLUMN "received_at"`);
    await queryRunner.query(`ALTER TABLE "load_events" DROP COLUMN "received_at"`);
  }
}
