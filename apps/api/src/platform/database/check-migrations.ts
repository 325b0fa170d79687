import { runMigrations, pendingSchemaChanges } from './migrate';

/**
 * Applies the migrations to the database in DATABASE_URL, then fails if the
 * entities still want changes: entities and migrations must not drift apart.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must point at a scratch database');
  await runMigrations(url, () => undefined);
  const pending = await pendingSchemaChanges(url);
  if (pending.length > 0) {
    console.error(`Entities and migrations disagree; generate a migration. Missing:\n${pending.join(';\n')}`);
    process.exit(1);
  }
  console.log('migrations match the entities');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
