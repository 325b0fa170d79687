import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The state that decides load steps lives in the database, where every API
 * instance sees it; and every change that can alter which load a truck is on,
 * or the fences and route it is judged against, is announced on commit so
 * every instance reloads just that.
 */
export class ShareTrackingStateBetweenInstances1796214503117 implements MigrationInterface {
  name = 'ShareTrackingStateBetweenInstances1796214503117';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "truck_fence_presence" ("truck_id" uuid NOT NULL, "last_fix_time" TIMESTAMP WITH TIME ZONE, "plant" character varying(8) NOT NULL DEFAULT 'unknown', "site" character varying(8) NOT NULL DEFAULT 'unknown', CONSTRAINT "PK_truck_fence_presence" PRIMARY KEY ("truck_id"))`,
    );
    // NOTIFY is delivered on commit only, and never for a rolled-back change.
    await queryRunner.query(
      `CREATE FUNCTION "notify_active_loads"() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE changed uuid;
       BEGIN
         IF TG_OP = 'DELETE' THEN changed := OLD.id; ELSE changed := NEW.id; END IF;
         PERFORM pg_notify('active_loads', TG_ARGV[0] || ':' || changed::text);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "loads_notify_active_loads" AFTER INSERT OR DELETE OR UPDATE OF "status", "truck_id", "pour_id", "plant_id" ON "loads" FOR EACH ROW EXECUTE FUNCTION "notify_active_loads"('load')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "pours_notify_active_loads" AFTER UPDATE OF "entry_route", "project_id" ON "pours" FOR EACH ROW EXECUTE FUNCTION "notify_active_loads"('pour')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "projects_notify_active_loads" AFTER UPDATE OF "geofence" ON "projects" FOR EACH ROW EXECUTE FUNCTION "notify_active_loads"('project')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "plants_notify_active_loads" AFTER UPDATE OF "geofence" ON "plants" FOR EACH ROW EXECUTE FUNCTION "notify_active_loads"('plant')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "plants_notify_active_loads" ON "plants"`);
    await queryRunner.query(`DROP TRIGGER "projects_notify_active_loads" ON "projects"`);
    await queryRunner.query(`DROP TRIGGER "pours_notify_active_loads" ON "pours"`);
    await queryRunner.query(`DROP TRIGGER "loads_notify_active_loads" ON "loads"`);
    await queryRunner.query(`DROP FUNCTION "notify_active_loads"()`);
    await queryRunner.query(`DROP TABLE "truck_fence_presence"`);
  }
}
