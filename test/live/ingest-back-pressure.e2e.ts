import { Client } from 'pg';
import { type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { adminSession, createPlant } from '../support/factories';
import { createTrackedTruck, sendFix, type TrackedTruck, waitFor } from '../support/live-support';
import { ADMIN_PASSWORD } from '../support/test-constants';

/** A fix waiting longer than this for its write turns the next tracker away. */
const MAX_QUEUE_AGE_MS = 200;

interface Answer {
  fixMs: number;
  status: number;
  retryAfter: string | null;
  body: any;
}

/**
 * When writes fall behind, trackers are told so at once (503 with Retry-After)
 * and resend later, instead of waiting on a growing backlog; every fix that was
 * acknowledged is stored, and the refused ones are taken when sent again.
 */
describe('Ingest back-pressure', () => {
  const savedUrl = process.env.POURLINE_API_URL;
  let database: string;
  let api: RunningApi;
  let truck: TrackedTruck;
  let blocker: Client;

  const send = async (fixMs: number, path = '/api/ingest/osmand'): Promise<Answer> => {
    const query = new URLSearchParams({ id: truck.deviceId, lat: '31.91', lon: '118.81', timestamp: String(fixMs) });
    const response = await fetch(`${api.baseUrl}${path}?${query}`);
    return {
      fixMs,
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.json(),
    };
  };
  const storedFixTimes = async () =>
    (
      await blocker.query<{ fix_ms: string }>(
        `SELECT (extract(epoch FROM fix_time) * 1000)::bigint::text AS fix_ms FROM positions WHERE device_id = $1`,
        [truck.deviceId],
      )
    ).rows.map((row) => Number(row.fix_ms));

  beforeAll(async () => {
    database = await createDatabase('pourline_pressure');
    api = await startApi({
      DATABASE_URL: databaseUrl(database),
      DEMO: 'false',
      ADMIN_PASSWORD,
      JWT_SECRET: 'pressure-secret-long-enough-for-hs256-0123456789',
      REDIS_URL: '',
      INGEST_MAX_QUEUE_AGE_MS: String(MAX_QUEUE_AGE_MS),
    });
    process.env.POURLINE_API_URL = api.baseUrl;
    const admin = await adminSession();
    truck = await createTrackedTruck(admin, (await createPlant(admin)).id);
    await sendFix(truck.deviceId, { lat: 31.9, lng: 118.8, at: new Date(Date.now() - 3_600_000) });
    blocker = new Client({ connectionString: databaseUrl(database) });
    await blocker.connect();
  }, 180_000);

  afterAll(async () => {
    process.env.POURLINE_API_URL = savedUrl;
    await blocker?.query('ROLLBACK').catch(() => undefined);
    await blocker?.end();
    await api?.stop();
    if (database) await dropDatabase(database);
  }, 60_000);

  it('answers 503 with Retry-After while writes are stuck, and loses none of the fixes it acknowledged', async () => {
    const firstFixMs = Date.now() - 1_800_000;
    let next = 0;
    const waiting: Promise<Answer>[] = [];
    // Writes stand still while this transaction holds the table.
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE positions IN SHARE MODE');
    let refused: Answer | undefined;
    try {
      refused = await waitFor(
        'a tracker to be turned away',
        async () => {
          const answer = send(firstFixMs + next++);
          waiting.push(answer);
          const settled = await Promise.race([answer, new Promise<undefined>((resolve) => setTimeout(resolve, 20))]);
          return settled?.status === 503 ? settled : undefined;
        },
        10_000,
        20,
      );
      expect(refused.retryAfter).toMatch(/^\d+$/);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(refused.body).toMatchObject({ statusCode: 503, code: 'ingest_overloaded' });
      expect(refused.body.message).toMatch(/wait \d+ ms to be stored, more than 200 ms\); keep this position/);

      // Gateways and forwarding servers are told the same, for the whole request.
      const batch = await fetch(`${api.baseUrl}/api/ingest/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          positions: [
            { deviceId: truck.deviceId, lat: 31.92, lng: 118.82, timestamp: new Date(firstFixMs - 1).toISOString() },
          ],
        }),
      });
      expect(batch.status).toBe(503);
      expect(batch.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await blocker.query('COMMIT');
    }

    const answers = await Promise.all(waiting);
    const accepted = answers.filter((answer) => answer.status === 200);
    const turnedAway = answers.filter((answer) => answer.status === 503);
    // The fixes queued before the backlog grew too old were held, not dropped: they are answered once stored.
    expect(accepted.length).toBeGreaterThan(0);
    expect(turnedAway.length).toBeGreaterThan(0);
    expect(accepted.length + turnedAway.length).toBe(answers.length);
    const stored = new Set(await storedFixTimes());
    expect(accepted.filter((answer) => !stored.has(answer.fixMs))).toEqual([]);
    expect(turnedAway.filter((answer) => stored.has(answer.fixMs))).toEqual([]);
    expect(stored.has(firstFixMs - 1)).toBe(false);

    // Sent again once the server has caught up, the refused fixes are taken.
    const resent = await waitFor('the server to take fixes again', async () => {
      const answer = await send(turnedAway[0].fixMs);
      return answer.status === 200 ? answer : undefined;
    });
    expect(resent.status).toBe(200);
    for (const answer of turnedAway.slice(1)) expect((await send(answer.fixMs)).status).toBe(200);
    const afterResend = new Set(await storedFixTimes());
    expect(answers.filter((answer) => !afterResend.has(answer.fixMs))).toEqual([]);
  }, 60_000);
});
