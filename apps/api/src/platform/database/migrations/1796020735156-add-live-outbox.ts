import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddLiveOutbox1796020735156 implements MigrationInterface {
  name = 'AddLiveOutbox1796020735156';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "live_outbox" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" character varying(40) NOT NULL, "project_id" uuid, "payload" jsonb NOT NULL, CONSTRAINT "PK_9afe683afc2f505b29c1ba2474b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "live_relay_state" ("id" smallint NOT NULL, "last_seq" bigint NOT NULL DEFAULT '0', "published_seq" bigint NOT NULL DEFAULT '0', "pruned_through_seq" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_bacf66fee7e45f04b0a3b87abec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "alerts" ("seq" bigint NOT NULL, "type" character varying(40) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "project_id" uuid, "payload" jsonb NOT NULL, CONSTRAINT "PK_efac868c013bc4e33257578878e" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "alerts_at" ON "alerts"  ("at") `);
    await queryRunner.query(
      `CREATE TABLE "load_deadline_risks" ("load_id" uuid NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6dd32319a5a8631b2911a459168" PRIMARY KEY ("load_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "live_events" DROP CONSTRAINT "PK_17f7d7a18d0dd2016a21cebf063"`);
    await queryRunner.query(
      `ALTER TABLE "live_events" ADD CONSTRAINT "PK_89e7453925cb3089d1acd46543c" PRIMARY KEY ("seq", "at")`,
    );
    await queryRunner.query(`ALTER TABLE "live_events" ALTER COLUMN "seq" DROP DEFAULT`);
    await queryRunner.query(`DROP SEQUENCE "live_events_seq_seq"`);
    await queryRunner.query(`ALTER TABLE "live_events" ALTER COLUMN "at" DROP DEFAULT`);
    await queryRunner.query(`CREATE INDEX "live_events_project_seq" ON "live_events"  ("project_id", "seq") `);
    // Numbering goes on from the last event numbered so far, which counts as pushed.
    await queryRunner.query(`INSERT INTO "live_relay_state" ("id", "last_seq", "published_seq")
          SELECT 1, coalesce(max("seq"), 0), coalesce(max("seq"), 0) FROM "live_events"`);
    // Alerts and raised deadline risks were read from the log until now.
    await queryRunner.query(`INSERT INTO "alerts" ("seq", "type", "at", "project_id", "payload")
          SELECT "seq", "type", "at", "project_id", "payload" FROM "live_events"
           WHERE "type" IN ('load.rejected.v1', 'load.deadline_risk.v1')
              OR ("type" = 'load.changed.v1' AND "payload"->>'status' = 'held')
              OR ("type" = 'pump.status.v1' AND "payload"->>'status' IN ('breakdown', 'blocked'))`);
    await queryRunner.query(`INSERT INTO "load_deadline_risks" ("load_id", "raised_at")
          SELECT ("payload"->'load'->>'id')::uuid, min("at") FROM "live_events"
           WHERE "type" = 'load.deadline_risk.v1' GROUP BY 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."live_events_project_seq"`);
    await queryRunner.query(`ALTER TABLE "live_events" ALTER COLUMN "at" SET DEFAULT now()`);
    await queryRunner.query(`CREATE SEQUENCE IF NOT EXISTS "live_events_seq_seq" OWNED BY "live_events"."seq"`);
    await queryRunner.query(
      `ALTER TABLE "live_events" ALTER COLUMN "seq" SET DEFAULT nextval('"live_events_seq_seq"')`,
    );
    await queryRunner.query(`ALTER TABLE "live_events" DROP CONSTRAINT "PK_89e7453925cb3089d1acd46543c"`);
    await queryRunner.query(
      `ALTER TABLE "live_events" ADD CONSTRAINT "PK_17f7d7a18d0dd2016a21cebf063" PRIMARY KEY ("seq")`,
    );
    await queryRunner.query(`DROP TABLE "load_deadline_risks"`);
    await queryRunner.query(`DROP INDEX "public"."alerts_at"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
    await queryRunner.query(`DROP TABLE "live_relay_state"`);
    await queryRunner.query(`DROP TABLE "live_outbox"`);
  }
}
