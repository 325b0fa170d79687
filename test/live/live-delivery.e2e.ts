import { Client } from 'pg';
import type { PourDto } from '@pourline/contracts';
import { LIVE_FRESH_LIMIT, LIVE_REPLAY_LIMIT } from '@pourline/contracts';
import { type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { adminSession } from '../support/factories';
import { createCrew, createLoadWorld, createReadyPour, type LoadCrew } from '../support/load-factories';
import { type AppliedEvent, ContractConsole, sleep, waitFor } from '../support/live-support';
import { ADMIN_PASSWORD } from '../support/test-constants';

/**
 * The delivery contract end to end, on a database and API of its own (the
 * suite kills its API and floods the log, which must not disturb the others).
 */
describe('Live delivery: outbox, order, exactly once', () => {
  let database: string;
  let db: Client;
  let api: RunningApi | undefined;
  let crew: LoadCrew;
  let pour: PourDto;
  const consoles: ContractConsole[] = [];
  const savedUrl = process.env.POURLINE_API_URL;

  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: databaseUrl(database),
    DEMO: 'false',
    JWT_SECRET: 'live-delivery-secret-long-enough-for-hs256',
    ADMIN_PASSWORD,
    REDIS_URL: '',
    ...extra,
  });
  const useApi = async (extra: Record<string, string> = {}) => {
    api = await startApi(env(extra));
    process.env.POURLINE_API_URL = api.baseUrl;
  };
  const consoleOf = (token: string) => {
    const console = new ContractConsole(token);
    consoles.push(console);
    return console;
  };
  const state = async () =>
    (await db.query('SELECT last_seq::int AS "lastSeq", published_seq::int AS "publishedSeq" FROM live_relay_state'))
      .rows[0] as { lastSeq: number; publishedSeq: number };
  const scopeSeqs = async (after: number, through: number, projectIds: string[] | null) =>
    (
      await db.query(
        `SELECT seq::int AS seq FROM live_events WHERE seq > $1 AND seq <= $2
            AND ($3::uuid[] IS NULL OR project_id = ANY($3::uuid[])) ORDER BY seq`,
        [after, through, projectIds],
      )
    ).rows.map((row: { seq: number }) => row.seq);
  const message = (session: LoadCrew['dispatcher'], text: string) =>
    session.post(`/pours/${pour.id}/messages`, { code: 'text', text });

  beforeAll(async () => {
    database = await createDatabase('pourline_live_delivery');
    db = new Client({ connectionString: databaseUrl(database) });
    await db.connect();
    // The first instance never relays: what it commits stays in the outbox until another takes over.
    await useApi({ LIVE_RELAY: 'false' });
    const admin = await adminSession();
    crew = await createCrew(admin);
    pour = await createReadyPour(crew, await createLoadWorld(admin, crew));
  }, 240_000);

  afterAll(async () => {
    for (const console of consoles) console.close();
    await api?.stop();
    await db?.end();
    if (database) await dropDatabase(database);
    process.env.POURLINE_API_URL = savedUrl;
  }, 60_000);

  afterEach(() => {
    for (const console of consoles.splice(0)) console.close();
  });

  it('delivers an event committed just before the API was killed, once another instance relays', async () => {
    const watching = consoleOf(crew.dispatcher.token!);
    const ready = await watching.connect();
    const answer = await message(crew.dispatcher, 'committed, then the API dies');
    expect(answer.status).toBe(201);
    // Committed with its change, not yet numbered nor pushed.
    const queued = await db.query(`SELECT payload FROM live_outbox WHERE payload->>'id' = $1`, [answer.body.id]);
    expect(queued.rows).toHaveLength(1);
    await sleep(1_000);
    expect(watching.applied.filter((event) => event.seq > ready.seq)).toEqual([]);

    api!.process.kill('SIGKILL');
    await new Promise((resolve) => api!.process.once('exit', resolve));
    await useApi();

    await watching.connect();
    await waitFor('the message on the console after the restart', () =>
      watching.applied.some((event) => event.name === 'pour.message.v1' && event.seq > ready.seq),
    );
    const delivered = await db.query(
      `SELECT seq::int AS seq FROM live_events WHERE type = 'pour.message.v1' AND payload->>'id' = $1`,
      [answer.body.id],
    );
    expect(delivered.rows).toHaveLength(1);
    // Everything this instance committed (the pour's set-up too) arrives once, in order, the message among it.
    const after = watching.applied.filter((event) => event.seq > ready.seq);
    expect(after.map((event) => event.seq)).toEqual(await scopeSeqs(ready.seq, delivered.rows[0].seq, null));
    expect(after[after.length - 1]).toEqual({ name: 'pour.message.v1', seq: delivered.rows[0].seq });
    expect((await db.query('SELECT count(*)::int AS n FROM live_outbox')).rows[0].n).toBe(0);
  }, 180_000);

  it('writes no change whose event cannot be queued: the two commit together', async () => {
    await db.query(`
      CREATE FUNCTION e2e_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload->>'text' = 'this event cannot be queued' THEN
          RAISE EXCEPTION 'e2e: forced failure while queueing a live event';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      'CREATE TRIGGER e2e_fail_outbox BEFORE INSERT ON live_outbox FOR EACH ROW EXECUTE FUNCTION e2e_fail_outbox()',
    );
    try {
      const answer = await message(crew.dispatcher, 'this event cannot be queued');
      expect(answer.status).toBeGreaterThanOrEqual(500);
      const stored = await db.query(`SELECT id FROM pour_messages WHERE text = 'this event cannot be queued'`);
      expect(stored.rows).toEqual([]);
    } finally {
      await db.query('DROP TRIGGER e2e_fail_outbox ON live_outbox');
      await db.query('DROP FUNCTION e2e_fail_outbox()');
    }
  });

  it('gives every console every number of its scope exactly once, in order, through 500 concurrent writes and reconnects', async () => {
    const dispatchers = [consoleOf(crew.dispatcher.token!), consoleOf(crew.dispatcher.token!)];
    const site = consoleOf(crew.site.token!);
    const everyone = [...dispatchers, site];
    const starts = await Promise.all(everyone.map((console) => console.connect()));

    let writing = true;
    const reconnecting = everyone.map(async (console, index) => {
      while (writing) {
        await sleep(150 + index * 70);
        await console.connect();
      }
    });
    const senders = [crew.dispatcher, crew.site, crew.dispatcher, crew.site, crew.dispatcher];
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        while (next < 500) {
          const index = next++;
          statuses.push((await message(senders[index % senders.length], `burst ${index}`)).status);
        }
      }),
    );
    writing = false;
    await Promise.all(reconnecting);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);

    const { lastSeq } = await waitFor(
      'the relay to number and push every event',
      async () => {
        const now = await state();
        const queued = (await db.query('SELECT count(*)::int AS n FROM live_outbox')).rows[0].n;
        return queued === 0 && now.publishedSeq === now.lastSeq ? now : undefined;
      },
      30_000,
    );
    for (const [index, console] of everyone.entries()) {
      const projectIds = console === site ? [pour.projectId] : null;
      const expected = await scopeSeqs(starts[index].seq, lastSeq, projectIds);
      expect(expected.length).toBeGreaterThanOrEqual(500);
      await waitFor(
        'the console to apply everything',
        () => console.lastApplied >= expected[expected.length - 1],
        15_000,
      );
      const applied = console.applied.map((event: AppliedEvent) => event.seq).filter((seq) => seq > starts[index].seq);
      expect(applied).toEqual(expected);
      expect(console.gaps).toEqual([]);
    }
    expect(everyone.every((console) => console.readies.length > 3)).toBe(true);
  }, 180_000);

  it('says which numbers it will not replay after a 20,000-event absence, and sends the newest after them', async () => {
    const away = consoleOf(crew.dispatcher.token!);
    const left = await away.connect();
    away.close();
    await db.query(
      `INSERT INTO live_outbox (type, project_id, payload)
       SELECT 'pour.message.v1', $1, jsonb_build_object('id', gen_random_uuid(), 'pourId', $2::text, 'n', n)
         FROM generate_series(1, 20000) AS n`,
      [pour.projectId, pour.id],
    );
    await db.query(`NOTIFY live_outbox`);
    const { lastSeq } = await waitFor(
      'the relay to number the flood',
      async () => {
        const now = await state();
        return now.lastSeq >= left.seq + 20_000 ? now : undefined;
      },
      60_000,
    );

    const ready = await away.connect();
    expect(away.gaps).toHaveLength(1);
    const [gap] = away.gaps;
    expect(gap.from).toBe(left.seq + 1);
    const sent = away.applied.map((event) => event.seq).filter((seq) => seq > left.seq && seq <= ready.seq);
    expect(sent).toHaveLength(LIVE_REPLAY_LIMIT);
    expect(sent).toEqual(await scopeSeqs(gap.to, ready.seq, null));
    expect(ready.seq).toBeGreaterThanOrEqual(lastSeq);
  }, 120_000);

  it('tells a console whose number is ahead of the server to start again, and sends it only the newest events', async () => {
    const { lastSeq } = await state();
    const ahead = consoleOf(crew.dispatcher.token!);
    // A console that outlived a database restore: its number means nothing here.
    const ready = await ahead.connect(lastSeq + 1_000);
    expect(ahead.resets).toEqual([{ seq: ready.seq }]);
    expect(ahead.applied.length).toBe(LIVE_FRESH_LIMIT);
    expect(ahead.lastApplied).toBe(ready.seq);
    const fresh = consoleOf(crew.dispatcher.token!);
    const freshReady = await fresh.connect();
    const newest = await scopeSeqs(0, freshReady.seq, null);
    expect(fresh.applied.map((event) => event.seq)).toEqual(newest.slice(-LIVE_FRESH_LIMIT));
    expect(fresh.gaps).toEqual([]);
    expect(fresh.resets).toEqual([]);
  });
});
