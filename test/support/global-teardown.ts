import type { RunningApi } from './api-process';
import { dropDatabase } from './database';

export default async function globalTeardown(): Promise<void> {
  const api = (globalThis as Record<string, unknown>).__POURLINE_API__ as RunningApi | undefined;
  await api?.stop();
  if (process.env.POURLINE_E2E_DATABASE) await dropDatabase(process.env.POURLINE_E2E_DATABASE);
}
