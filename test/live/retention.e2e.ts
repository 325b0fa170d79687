import { Client } from 'pg';
import { type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { adminSession, createPlant } from '../support/factories';
import { ContractConsole, createTrackedTruck, sendFix, type TrackedTruck, waitFor } from '../support/live-support';
import { ADMIN_PASSWORD } from '../support/test-constants';

const DAY_MS = 86_400_000;
const dayName = (table: string, at: Date) => `${table}_p${at.toISOString().slice(0, 10).replaceAll('-', '')}`;

/**
 * Retention end to end, on a database and API of its own (it restarts its API
 * with other settings and ages rows by hand, which must not disturb the
 * others). Rows are aged in the database rather than the clock moved: the
 * API runs with the real time and finds a day past its retention.
 */
describe('Retention: the event log and position history by day', () => {
  let database: string;
  let db: Client;
  let api: RunningApi | undefined;
  let adminToken: string;
  let truck: TrackedTruck;
  const consoles: ContractConsole[] = [];
  const savedUrl = process.env.POURLINE_API_URL;

  const useApi = async (extra: Record<string, string> = {}) => {
    await api?.stop();
    api = await startApi({
      DATABASE_URL: databaseUrl(database),
      DEMO: 'false',
      JWT_SECRET: 'retention-secret-long-enough-for-hs256',
      ADMIN_PASSWORD,
      REDIS_URL: '',
      ...extra,
    });
    process.env.POURLINE_API_URL = api.baseUrl;
  };
  const partitionsOf = async (table: string) =>
    (
      await db.query(
        `SELECT child.relname AS name FROM pg_inherits JOIN pg_class child ON child.oid = inhrelid
          WHERE inhparent = $1::regclass ORDER BY 1`,
        [table],
      )
    ).rows.map((row: { name: string }) => row.name);
  const relayState = async () =>
    (
      await db.query(
        `SELECT last_seq::int AS "lastSeq", published_seq::int AS "publishedSeq",
                pruned_through_seq::int AS "prunedThroughSeq" FROM live_relay_state`,
      )
    ).rows[0] as { lastSeq: number; publishedSeq: number; prunedThroughSeq: number };
  const seqs = async (after = 0) =>
    (await db.query('SELECT seq::int AS seq FROM live_events WHERE seq > $1 ORDER BY seq', [after])).rows.map(
      (row: { seq: number }) => row.seq,
    );
  const positionIds = async () =>
    (
      await db.query('SELECT id::text AS id FROM positions WHERE device_id = $1 ORDER BY id', [truck.deviceId])
    ).rows.map((row: { id: string }) => row.id);
  const consoleOf = (token: string) => {
    const console = new ContractConsole(token);
    consoles.push(console);
    return console;
  };

  beforeAll(async () => {
    database = await createDatabase('pourline_retention');
    db = new Client({ connectionString: databaseUrl(database) });
    await db.connect();
    await useApi();
    const admin = await adminSession();
    adminToken = admin.token!;
    truck = await createTrackedTruck(admin, (await createPlant(admin)).id);
  }, 240_000);

  afterAll(async () => {
    for (const console of consoles) console.close();
    await api?.stop();
    await db?.end();
    if (database) await dropDatabase(database);
    process.env.POURLINE_API_URL = savedUrl;
  }, 60_000);

  it('has a partition for today and each of the next three days, and a default one, for both tables', async () => {
    const today = new Date();
    for (const table of ['live_events', 'positions']) {
      const partitions = await partitionsOf(table);
      for (let ahead = 0; ahead <= 3; ahead++) {
        expect(partitions).toContain(dayName(table, new Date(today.getTime() + ahead * DAY_MS)));
      }
      expect(partitions).toContain(`${table}_default`);
    }
  });

  it('drops days past the retention whole, keeps newer ones, and tells a console resuming from before them of the gap', async () => {
    // Twenty events through the outbox and relay, and four fixes through ingest.
    await db.query(
      `INSERT INTO live_outbox (type, project_id, payload)
       SELECT 'pour.message.v1', NULL, jsonb_build_object('id', gen_random_uuid(), 'n', n)
         FROM generate_series(1, 20) AS n`,
    );
    await db.query('NOTIFY live_outbox');
    const numbered = await waitFor(
      'the relay to number and push the events',
      async () => {
        const now = await relayState();
        return now.lastSeq >= 20 && now.publishedSeq === now.lastSeq ? now : undefined;
      },
      15_000,
    );
    for (let index = 0; index < 4; index++) {
      await sendFix(truck.deviceId, { lat: 31.9, lng: 118.8 + index / 1000, at: new Date(Date.now() - index * 1000) });
    }
    const stored = await positionIds();
    expect(stored).toHaveLength(4);

    // The first ten events and two fixes become twenty days old: no partition has that day yet.
    const agedThrough = numbered.lastSeq - 10;
    await db.query(`UPDATE live_events SET at = at - interval '20 days' WHERE seq <= $1`, [agedThrough]);
    await db.query(`UPDATE positions SET fix_time = fix_time - interval '20 days' WHERE id = ANY($1::bigint[])`, [
      stored.slice(0, 2),
    ]);
    const agedDay = new Date(Date.now() - 20 * DAY_MS);
    expect((await db.query('SELECT count(*)::int AS n FROM live_events_default')).rows[0].n).toBe(agedThrough);

    // The furthest day ahead is gone too, as it would be had nobody made it.
    const lastAhead = new Date(Date.now() + 3 * DAY_MS);
    for (const table of ['live_events', 'positions']) await db.query(`DROP TABLE ${dayName(table, lastAhead)}`);

    // Within the default 30 days: the day gets its own partition and the rows move into it.
    await useApi();
    await waitFor('the days ahead to be made again', async () => {
      const [events, positions] = [await partitionsOf('live_events'), await partitionsOf('positions')];
      return events.includes(dayName('live_events', lastAhead)) && positions.includes(dayName('positions', lastAhead));
    });
    await waitFor('the aged events to get their own partition', async () =>
      (await partitionsOf('live_events')).includes(dayName('live_events', agedDay)),
    );
    await waitFor('the aged fixes to get their own partition', async () =>
      (await partitionsOf('positions')).includes(dayName('positions', agedDay)),
    );
    expect((await db.query('SELECT count(*)::int AS n FROM live_events_default')).rows[0].n).toBe(0);
    expect((await db.query('SELECT count(*)::int AS n FROM positions_default')).rows[0].n).toBe(0);
    expect(await seqs()).toHaveLength(numbered.lastSeq);
    expect((await relayState()).prunedThroughSeq).toBe(0);

    // Ten days kept: the aged day is dropped whole, and only it.
    await useApi({ EVENT_RETENTION_DAYS: '10', POSITION_RETENTION_DAYS: '10' });
    await waitFor('the aged partitions to be dropped', async () => {
      const [events, positions] = [await partitionsOf('live_events'), await partitionsOf('positions')];
      return !events.includes(dayName('live_events', agedDay)) && !positions.includes(dayName('positions', agedDay));
    });
    expect(await seqs()).toEqual(await seqs(agedThrough));
    expect(await seqs()).toHaveLength(numbered.lastSeq - agedThrough);
    expect(await positionIds()).toEqual(stored.slice(2));
    expect((await relayState()).prunedThroughSeq).toBe(agedThrough);
    expect(await partitionsOf('live_events')).toContain(dayName('live_events', new Date()));

    // A console that last applied a dropped number is told what it will not get, then gets the rest.
    const behind = consoleOf(adminToken);
    const ready = await behind.connect(1);
    expect(behind.gaps).toEqual([{ from: 2, to: agedThrough }]);
    expect(behind.applied.map((event) => event.seq)).toEqual(await seqs(agedThrough));
    expect(behind.lastApplied).toBe(ready.seq);

    // One that resumes after the dropped numbers replays exactly as before.
    const current = consoleOf(adminToken);
    await current.connect(agedThrough + 5);
    expect(current.gaps).toEqual([]);
    expect(current.applied.map((event) => event.seq)).toEqual(await seqs(agedThrough + 5));

    // Ingest goes on storing into today's partition.
    const id = await sendFix(truck.deviceId, { lat: 31.91, lng: 118.81, at: new Date() });
    expect(await positionIds()).toEqual([...stored.slice(2), id]);
  }, 240_000);
});
