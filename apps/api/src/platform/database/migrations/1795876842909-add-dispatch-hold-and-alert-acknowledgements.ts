import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDispatchHoldAndAlertAcknowledgements1795876842909 implements MigrationInterface {
  name = 'AddDispatchHoldAndAlertAcknowledgements1795876842909';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alert_acknowledgements" ("seq" bigint NOT NULL, "note" character varying(500) NOT NULL, "by_id" uuid NOT NULL, "by_name" character varying(160) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5b4f0179b6a2e8bd17f2817d96f" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`ALTER TABLE "pours" ADD "dispatch_hold" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pours" DROP COLUMN "dispatch_hold"`);
    await queryRunner.query(`DROP TABLE "alert_acknowledgements"`);
  }
}
