import { MigrationInterface, QueryRunner } from 'typeorm';

/** Complaints and suggestions with their steps, corrective actions, photos and service timers (alerts resolve through the column dispatch planning added). */

export class AddComplaints1796245400000 implements MigrationInterface {
  name = 'AddComplaints1796245400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "complaints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "serial" SERIAL NOT NULL, "kind" character varying(12) NOT NULL, "category" character varying(12) NOT NULL, "state" character varying(16) NOT NULL, "project_id" uuid NOT NULL, "pour_id" uuid, "load_id" uuid, "non_conformance_id" uuid, "concrete_returned" boolean NOT NULL DEFAULT false, "title" character varying(160) NOT NULL, "description" character varying(4000) NOT NULL, "raised_via" character varying(12) NOT NULL, "raised_by_id" uuid NOT NULL, "raised_by_name" character varying(160) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "follow_up_visited_on" date, "follow_up_note" character varying(1000), "satisfaction" smallint, "satisfaction_comment" character varying(1000), "follow_up_by_name" character varying(160), "follow_up_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_d815db393190715430d5b707495" UNIQUE ("serial"), CONSTRAINT "PK_4b7566a2a489c2cc7c12ed076ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3cdd4bcf27a46c6e3271e1f199" ON "complaints"  ("project_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_69158f7d7d9bf42967b339bfef" ON "complaints"  ("pour_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_573435f8fa9895fcf4338fe879" ON "complaints"  ("state", "received_at") `);
    await queryRunner.query(
      `CREATE TABLE "complaint_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "state" character varying(16) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "by_id" uuid NOT NULL, "by_name" character varying(160) NOT NULL, "note" character varying(1000) NOT NULL, CONSTRAINT "PK_a7c1d30552ca55ca8bee65a83d2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_25e6f916df76a6f3da9b672f26" ON "complaint_steps"  ("complaint_id", "state") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8c420a2ac0bc40af1ef68efc50" ON "complaint_steps"  ("complaint_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "complaint_corrective_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "description" character varying(1000) NOT NULL, "owner" character varying(120) NOT NULL, "due_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by_name" character varying(160) NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "done_by_name" character varying(160), "done_note" character varying(1000), CONSTRAINT "PK_f3ff7f97991decd11a002e1b649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_92ed8aa6f2f4546d5626959a39" ON "complaint_corrective_actions"  ("complaint_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "complaint_photos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "file_name" character varying(200) NOT NULL, "mime_type" character varying(40) NOT NULL, "size_bytes" integer NOT NULL, "content" bytea NOT NULL, "uploaded_by_name" character varying(160) NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6eff02ea41c2c97458876422973" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a71fcb48c3b801ce38d3422e4a" ON "complaint_photos"  ("complaint_id", "uploaded_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "complaint_timer_settings" ("category" character varying(12) NOT NULL, "acknowledge_minutes" integer NOT NULL, "first_response_minutes" integer NOT NULL, "resolve_minutes" integer NOT NULL, "updated_by_name" character varying(160) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_485161766b3e04b681b94fa978e" PRIMARY KEY ("category"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "complaint_overdue_timers" ("complaint_id" uuid NOT NULL, "timer" character varying(16) NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5475ab3fec679772442c1da49e5" PRIMARY KEY ("complaint_id", "timer"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "complaint_overdue_timers"`);
    await queryRunner.query(`DROP TABLE "complaint_timer_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a71fcb48c3b801ce38d3422e4a"`);
    await queryRunner.query(`DROP TABLE "complaint_photos"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_92ed8aa6f2f4546d5626959a39"`);
    await queryRunner.query(`DROP TABLE "complaint_corrective_actions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8c420a2ac0bc40af1ef68efc50"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_25e6f916df76a6f3da9b672f26"`);
    await queryRunner.query(`DROP TABLE "complaint_steps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_573435f8fa9895fcf4338fe879"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_69158f7d7d9bf42967b339bfef"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3cdd4bcf27a46c6e3271e1f199"`);
    await queryRunner.query(`DROP TABLE "complaints"`);
  }
}
