import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to which trackers are registered, to whom, and with
 * which secret is announced, so every API instance reads its tracker list
 * again at once rather than judging fixes by the list before the change.
 */
export class AnnounceTrackerChanges1796247000000 implements MigrationInterface {
  name = 'AnnounceTrackerChanges1796247000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // NOTIFY is delivered on commit only, and never for a rolled-back change.
    await queryRunner.query(
      `CREATE FUNCTION "notify_tracker_registry"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('tracker_registry', TG_TABLE_NAME);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trucks_notify_tracker_registry" AFTER INSERT OR DELETE OR UPDATE OF "tracker_device_id", "tracker_secret_hash", "active", "fleet_number" ON "trucks" FOR EACH STATEMENT EXECUTE FUNCTION "notify_tracker_registry"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "pumps_notify_tracker_registry" AFTER INSERT OR DELETE OR UPDATE OF "tracker_device_id", "tracker_secret_hash", "active", "code" ON "pumps" FOR EACH STATEMENT EXECUTE FUNCTION "notify_tracker_registry"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "pumps_notify_tracker_registry" ON "pumps"`);
    await queryRunner.query(`DROP TRIGGER "trucks_notify_tracker_registry" ON "trucks"`);
    await queryRunner.query(`DROP FUNCTION "notify_tracker_registry"()`);
  }
}
