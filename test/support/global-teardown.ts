import type { RunningApi } from './api-process';
import { dropDatabase, type TestPostgres } from './database';

export default async function globalTeardown(): Promise<void> {
  const shared = globalThis as Record<string, unknown>;
  const api = shared.__POURLINE_API__ as RunningApi | undefined;
  const postgres = shared.__POURLINE_POSTGRES__ as TestPostgres | undefined;
  try {
    await api?.stop();
    if (process.env.POURLINE_E2E_DATABASE) await dropDatabase(process.env.POURLINE_E2E_DATABASE);
  } finally {
    await postgres?.stop?.();
  }
}
