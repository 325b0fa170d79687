import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// Any constant shared by every instance: the lock makes concurrent starts run migrations once.
const MIGRATION_LOCK_ID = 7_305_112;

export async function runMigrations(url: string, log: (line: string) => void): Promise<void> {
  // A migration may rightly take long: no statement timeout here.
  const dataSource = await new DataSource(dataSourceOptions(url, 0)).initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) log(`applied migration ${migration.name}`);
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await dataSource.destroy();
  }
}

/** Statements the entities would need beyond the migrations; empty when they agree. */
export async function pendingSchemaChanges(url: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}
