import { type RunningApi, startApi } from './api-process';
import { createDatabase, databaseUrl, ensureTestPostgres } from './database';
import { ADMIN_PASSWORD, E2E_JWT_SECRET } from './test-constants';

/**
 * One API process on a fresh database, shared by the end-to-end suites. On a machine with
 * no PostgreSQL, an embedded one is started for the run and stopped in the teardown.
 */
export default async function globalSetup(): Promise<void> {
  const postgres = await ensureTestPostgres((line) => process.stdout.write(`\n${line}\n`));
  (globalThis as Record<string, unknown>).__POURLINE_POSTGRES__ = postgres;
  let database: string;
  let api: RunningApi;
  try {
    database = await createDatabase('pourline_e2e');
    api = await startApi({
      DATABASE_URL: databaseUrl(database),
      DEMO: 'false',
      JWT_SECRET: E2E_JWT_SECRET,
      ADMIN_PASSWORD,
      REDIS_URL: '',
      DEADLINE_WATCH_MS: '1000',
      // The flow alerts judge every pour of the day; the suites that count alerts are not about them.
      // Dispatch runs on an API of its own, on a clock its test sets (test/dispatch).
      DISPATCH_TICK_MS: String(24 * 3_600_000),
    });
  } catch (error) {
    // No teardown follows a failed setup: leave no server behind.
    await postgres.stop?.();
    throw error;
  }
  process.env.POURLINE_API_URL = api.baseUrl;
  process.env.POURLINE_E2E_DATABASE = database;
  (globalThis as Record<string, unknown>).__POURLINE_API__ = api;
}
