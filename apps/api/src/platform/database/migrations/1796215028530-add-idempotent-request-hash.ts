import { MigrationInterface, QueryRunner } from 'typeorm';

/** What an Idempotency-Key was first sent with, so the key sent again with another body is refused. */
export class AddIdempotentRequestHash1796215028530 implements MigrationInterface {
  name = 'AddIdempotentRequestHash1796215028530';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotent_requests" ADD "request_hash" character varying(64)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotent_requests" DROP COLUMN "request_hash"`);
  }
}
