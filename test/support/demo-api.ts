import { type RunningApi, startApi } from './api-process';
import { createDatabase, databaseUrl, dropDatabase } from './database';

/** Every demo user's password (README, "Demo users"). */
export const DEMO_PASSWORD = 'pourline';

export interface DemoApi {
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * The demo as `npm start` shows it, on a database of its own: two plants, four sites, today's pours
 * at every stage, and the demo fleet driving trucks along the roads (ten times faster than real time).
 */
export async function startDemoApi(): Promise<DemoApi> {
  const database = await createDatabase('pourline_demo_screens');
  let api: RunningApi;
  try {
    api = await startApi(
      {
        DATABASE_URL: databaseUrl(database),
        DEMO: 'true',
        SIMULATOR: 'true',
        SIM_TIME_SCALE: '10',
        JWT_SECRET: 'demo-screens-secret-that-is-long-enough-for-hs256',
        ADMIN_PASSWORD: '',
        REDIS_URL: '',
      },
      240_000,
    );
  } catch (error) {
    await dropDatabase(database);
    throw error;
  }
  return {
    baseUrl: api.baseUrl,
    stop: async () => {
      await api.stop();
      await dropDatabase(database);
    },
  };
}
