import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadDto, PourDto } from '@pourline/contracts';
import { freePort, type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { ControlledPostgres } from '../support/embedded-postgres';
import { adminSession } from '../support/factories';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  getLoad,
  type LoadCrew,
  loadOnSite,
  pourLoads,
  recordQcTest,
} from '../support/load-factories';
import { ContractConsole, queryUrl, waitFor } from '../support/live-support';
import { ADMIN_PASSWORD } from '../support/test-constants';

const JWT_SECRET = 'faults-secret-long-enough-for-hs256-0123456789';

/** A Redis of this suite's own, on a spare port, that it may stop and start. */
class PrivateRedis {
  private child: ChildProcess | undefined;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    this.child = child;
    await waitFor(
      'the private Redis to listen',
      () =>
        new Promise<boolean>((resolve) => {
          const probe = spawn('redis-cli', ['-p', String(this.port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
          let answer = '';
          probe.stdout.on('data', (chunk: Buffer) => (answer += chunk.toString()));
          probe.on('exit', () => resolve(answer.trim() === 'PONG'));
        }),
      10_000,
      50,
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}

/** Points the shared factories at one API for a while. */
function useApi(api: RunningApi): void {
  process.env.POURLINE_API_URL = api.baseUrl;
}

describe('Faults survived', () => {
  const savedUrl = process.env.POURLINE_API_URL;

  afterAll(() => {
    process.env.POURLINE_API_URL = savedUrl;
  });

  describe('two instances: Redis down, then an instance killed under load', () => {
    let database: string;
    let redis: PrivateRedis;
    let a: RunningApi;
    let b: RunningApi;
    let crew: LoadCrew;
    let pour: PourDto;
    const consoles: ContractConsole[] = [];

    const say = async (api: RunningApi, text: string) => {
      const response = await fetch(`${api.baseUrl}/api/pours/${pour.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${crew.dispatcher.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'text', text }),
      }).catch(() => undefined);
      return response?.status ?? 0;
    };
    const messagesOn = (console: ContractConsole, after: number) =>
      console.applied.filter((event) => event.name === 'pour.message.v1' && event.seq > after);

    beforeAll(async () => {
      redis = new PrivateRedis(await freePort());
      await redis.start();
      database = await createDatabase('pourline_faults');
      const env = {
        DATABASE_URL: databaseUrl(database),
        REDIS_URL: redis.url,
        JWT_SECRET,
        ADMIN_PASSWORD,
        DEMO: 'false',
      };
      a = await startApi(env);
      b = await startApi(env);
      useApi(a);
      crew = await createCrew(await adminSession());
      pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew));
    }, 240_000);

    afterAll(async () => {
      for (const console of consoles) console.close();
      await Promise.all([a?.stop(), b?.stop()]);
      await redis?.stop();
      if (database) await dropDatabase(database);
    }, 60_000);

    it('keeps both instances answering while Redis is down, and a console on the other misses nothing after resync', async () => {
      const onB = new ContractConsole(crew.dispatcher.token!, b.baseUrl);
      consoles.push(onB);
      const ready = await onB.connect();
      await redis.stop();

      const said: number[] = [];
      for (let index = 0; index < 20; index++) said.push(await say(a, `while Redis is down ${index}`));
      expect(said.every((status) => status === 201)).toBe(true);
      expect(
        (
          await fetch(`${b.baseUrl}/api/pours/${pour.id}`, {
            headers: { authorization: `Bearer ${crew.dispatcher.token}` },
          })
        ).status,
      ).toBe(200);

      await redis.start();
      // The console on B resumes from the last event it applied and gets all twenty.
      await onB.connect();
      await waitFor('the twenty messages on the console of B', () => messagesOn(onB, ready.seq).length >= 20, 10_000);
      expect(messagesOn(onB, ready.seq)).toHaveLength(20);
      expect(onB.gaps).toEqual([]);

      // Redis is shared again without restarting either instance: a message said at A reaches B live.
      const before = onB.lastApplied;
      await waitFor(
        'a message said at A to reach the console of B live',
        async () => {
          if (messagesOn(onB, before).length > 0) return true;
          expect(await say(a, 'after Redis is back')).toBe(201);
          return false;
        },
        20_000,
        500,
      );
      expect(a.process.exitCode).toBeNull();
      expect(b.process.exitCode).toBeNull();
    }, 60_000);

    it('moves a console of an instance killed under load to the other, with every accepted message exactly once', async () => {
      const console = new ContractConsole(crew.dispatcher.token!, a.baseUrl);
      consoles.push(console);
      const ready = await console.connect();
      let accepted = 0;
      let streaming = true;
      const stream = (async () => {
        for (let index = 0; streaming; index++) if ((await say(b, `under load ${index}`)) === 201) accepted += 1;
      })();
      const moved = new ContractConsole(crew.dispatcher.token!, b.baseUrl);
      consoles.push(moved);
      try {
        await waitFor('some messages under load', () => accepted >= 20, 10_000, 20);
        a.process.kill('SIGKILL');
        await new Promise((resolve) => a.process.once('exit', resolve));
        // The console moves to B and resumes from the last event it applied on A.
        const resumeFrom = console.lastApplied;
        console.close();
        await waitFor(
          'the console to reconnect at B',
          () =>
            moved.connect(resumeFrom).then(
              () => true,
              () => false,
            ),
          10_000,
          200,
        );
        await waitFor('more messages after the kill', () => accepted >= 60, 10_000, 20);
      } finally {
        streaming = false;
        await stream;
      }
      const seqs = () => [...messagesOn(console, ready.seq), ...messagesOn(moved, ready.seq)].map((event) => event.seq);
      await waitFor('every accepted message on the console', () => seqs().length >= accepted, 10_000);
      expect(seqs()).toHaveLength(accepted);
      expect(new Set(seqs()).size).toBe(accepted);
      expect([...console.gaps, ...moved.gaps]).toEqual([]);
      expect(b.process.exitCode).toBeNull();
    }, 60_000);
  });

  describe('PostgreSQL restarting in the middle of a rejection', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pourline-faults-pg-'));
    const DATABASE = 'pourline_faults_pg';
    let postgres: ControlledPostgres;
    let api: RunningApi;
    let url: string;

    const query = (sql: string) => queryUrl(url, sql);

    beforeAll(async () => {
      chmodSync(dataDir, 0o755);
      postgres = new ControlledPostgres(join(dataDir, 'postgres'), await freePort(), DATABASE);
      await postgres.start();
      url = `postgres://pourline:pourline@127.0.0.1:${postgres.port}/${DATABASE}`;
      api = await startApi({ DATABASE_URL: url, DEMO: 'false', ADMIN_PASSWORD, JWT_SECRET, REDIS_URL: '' });
      useApi(api);
    }, 180_000);

    afterAll(async () => {
      await api?.stop();
      await postgres?.exit();
      rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    it('leaves nothing half-done, and takes the same rejection once PostgreSQL is back, without an API restart', async () => {
      const crew = await createCrew(await adminSession());
      const pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew));
      const load: LoadDto = await loadOnSite(crew, pour);
      const loadsBefore = (await pourLoads(crew.dispatcher, pour.id)).loads.length;
      // Holds the rejection's transaction open at its last write, so the restart lands inside it.
      await query(`
        CREATE FUNCTION e2e_hold_nc() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.load_id::text = '${load.id}' THEN PERFORM pg_sleep(30); END IF;
          RETURN NEW;
        END $$`);
      await query(
        'CREATE TRIGGER e2e_hold_nc BEFORE INSERT ON non_conformances FOR EACH ROW EXECUTE FUNCTION e2e_hold_nc()',
      );

      const pid = api.process.pid;
      const rejecting = recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
      await waitFor(
        'the rejection to stand inside its transaction',
        async () =>
          (
            await query(
              `SELECT 1 FROM pg_stat_activity WHERE query LIKE '%non_conformances%' AND wait_event = 'PgSleep'`,
            )
          ).length > 0,
        10_000,
        50,
      );
      await postgres.stop();
      const failed = await rejecting;
      expect(failed.status).toBeGreaterThanOrEqual(500);
      await postgres.start();
      await query('DROP TRIGGER e2e_hold_nc ON non_conformances');

      await waitFor(
        'the API to reach PostgreSQL again',
        async () => (await fetch(`${api.baseUrl}/api/health`)).status === 200,
        20_000,
      );
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('on_site');
      const tests = (await crew.qc.get(`/loads/${load.id}/qc-tests`)).body;
      expect(tests.map((test: { stage: string }) => test.stage)).toEqual(['plant']);
      expect((await crew.dispatcher.get(`/pours/${pour.id}/non-conformances`)).body).toEqual([]);
      expect((await pourLoads(crew.dispatcher, pour.id)).loads).toHaveLength(loadsBefore);

      const again = await recordQcTest(crew.qc, load.id, {
        stage: 'site',
        slumpMm: FAILING_SLUMP_MM,
        temperatureC: 20,
      });
      expect(again.status).toBe(201);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('rejected');
      expect((await crew.dispatcher.get(`/pours/${pour.id}/non-conformances`)).body).toHaveLength(1);
      expect((await pourLoads(crew.dispatcher, pour.id)).loads).toHaveLength(loadsBefore + 1);
      expect(api.process.pid).toBe(pid);
      expect(api.process.exitCode).toBeNull();
    }, 120_000);
  });
});
