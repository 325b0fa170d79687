import { type ChildProcess, spawn } from 'node:child_process';
import { type RunningApi, freePort, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { Http } from '../support/http';
import { waitFor } from '../support/live-support';

function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  return new Promise((resolve, reject) => {
    redis.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve(redis);
    });
    redis.on('error', reject);
  });
}

function stopRedis(redis: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (redis.exitCode !== null) return resolve();
    redis.once('exit', () => resolve());
    redis.kill('SIGKILL');
  });
}

/** The live events' Redis link failing is logged and shown by the health check, not swallowed. */
describe('Health with a Redis link that breaks', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let api: RunningApi;
  let http: Http;
  let database: string;

  beforeAll(async () => {
    database = await createDatabase('pourline_redis_health');
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    api = await startApi({
      DATABASE_URL: databaseUrl(database),
      DEMO: 'false',
      JWT_SECRET: 'redis-health-secret-long-enough-for-hs256',
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      LIVE_RELAY: 'false',
    });
    http = new Http(undefined, api.baseUrl);
  });

  afterAll(async () => {
    await api?.stop();
    if (redis) await stopRedis(redis);
    if (database) await dropDatabase(database);
  });

  function healthOnceRedisIs(state: string, timeoutMs: number) {
    return waitFor(
      `health to show redis ${state}`,
      async () => {
        const health = await http.get('/health');
        return health.body.redis === state ? health : undefined;
      },
      timeoutMs,
      100,
    );
  }

  it('says up, then degraded with the error while Redis is gone, then up again', async () => {
    expect((await http.get('/health')).body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });

    await stopRedis(redis);
    const down = await healthOnceRedisIs('down', 10_000);
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ status: 'degraded', database: 'up', redis: 'down' });
    expect(down.body.redisLastError).toEqual(expect.any(String));
    // The log comes through the API's stdout, the health answer through HTTP: either may be read first.
    await waitFor(
      'the broken link in the log',
      () => /Redis (publisher|subscriber) link failed/.test(api.output()),
      5_000,
    );
    expect(api.output()).toMatch(/Redis (publisher|subscriber) link failed/);

    redis = await startRedis(redisPort);
    const back = await healthOnceRedisIs('up', 20_000);
    expect(back.body.status).toBe('ok');
  });
});
