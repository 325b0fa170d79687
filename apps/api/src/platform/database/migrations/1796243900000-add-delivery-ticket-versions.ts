import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDeliveryTicketVersions1796243900000 implements MigrationInterface {
  name = 'AddDeliveryTicketVersions1796243900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "delivery_ticket_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "load_id" uuid NOT NULL, "version" integer NOT NULL, "supersedes_version" integer, "correction_reason" character varying(1000), "remarks" character varying(1000) NOT NULL DEFAULT '', "corrected_by_id" uuid, "corrected_by_name" character varying(120), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outcome" character varying(16), "moment" character varying(16), "signer_name" character varying(80), "signature_image" bytea, "refusal_reason" character varying(1000), "signed_at" TIMESTAMP WITH TIME ZONE, "signature_received_at" TIMESTAMP WITH TIME ZONE, "signed_by_id" uuid, "signed_by_name" character varying(120), "signed_content" jsonb, CONSTRAINT "PK_ce11840ef27c4dd92ddf615ce45" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5e1af48b2556034b8cf411319c" ON "delivery_ticket_versions"  ("load_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "delivery_ticket_versions" ADD CONSTRAINT "FK_a0ec4d4cc207951b7f439068222" FOREIGN KEY ("load_id") REFERENCES "loads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delivery_ticket_versions" DROP CONSTRAINT "FK_a0ec4d4cc207951b7f439068222"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5e1af48b2556034b8cf411319c"`);
    await queryRunner.query(`DROP TABLE "delivery_ticket_versions"`);
  }
}
