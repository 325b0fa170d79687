import type {
  LoadDto,
  LoadEventDto,
  PourDto,
  PourLoadsDto,
  PumpDto,
  PumpStatusDto,
  QcTestDto,
} from '@pourline/contracts';
import { DEMO_FLEET_ACCOUNT, PUMP_STATUSES } from '@pourline/contracts';
import { LOAD_DELIVERED_STATUSES, isLoadTerminal, localDateInZone } from '@pourline/domain';
import { Client } from 'pg';
import { type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { Http, login } from '../support/http';

const ZONE = 'Asia/Shanghai';
const FLEET = DEMO_FLEET_ACCOUNT.displayName;
/** The demo's people: the demo fleet must never act in their names. */
const DEMO_PEOPLE = ['Zhou Min', 'Wang Lei', 'Liu Yang', 'Chen Jing', 'Zhao Li'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(500);
  }
}

function deliveredOf(loads: readonly LoadDto[]): number {
  const sum = loads
    .filter((load) => !load.rejected && LOAD_DELIVERED_STATUSES.includes(load.status))
    .reduce((total, load) => total + load.volumeM3, 0);
  return Math.round(sum * 100) / 100;
}

/**
 * What a newcomer sees in `npm start`'s demo: the day's history is whole, the
 * demo fleet drives as its own system account with its pumps reporting their
 * state, it completes what it has delivered, and a day left behind is closed.
 * One demo API on a fresh database; the simulated clock runs 60 times faster.
 */
describe('The demo day', () => {
  let database: string;
  let api: RunningApi;
  let dispatcher: Http;
  let startedAt: number;
  const savedUrl = process.env.POURLINE_API_URL;

  const pours = async (query = '') =>
    (await dispatcher.get<{ items: PourDto[] }>(`/pours?pageSize=100${query}`)).body.items;
  const loadsOf = async (pourId: string) => (await dispatcher.get<PourLoadsDto>(`/pours/${pourId}/loads`)).body;
  const today = () => localDateInZone(new Date(), ZONE);

  beforeAll(async () => {
    database = await createDatabase('pourline_demo');
    startedAt = Date.now();
    api = await startApi(
      {
        DATABASE_URL: databaseUrl(database),
        DEMO: 'true',
        SIMULATOR: 'true',
        SIM_TIME_SCALE: '60',
        DEMO_DAY_CHECK_MS: '1000',
        JWT_SECRET: 'demo-day-secret-that-is-long-enough-for-hs256',
        ADMIN_PASSWORD: '',
        REDIS_URL: '',
      },
      180_000,
    );
    process.env.POURLINE_API_URL = api.baseUrl;
    dispatcher = await login('dispatcher', 'pourline');
  }, 200_000);

  afterAll(async () => {
    await api?.stop();
    process.env.POURLINE_API_URL = savedUrl;
    if (database) await dropDatabase(database);
  });

  describe('as seeded', () => {
    it('shows the finished pour with every load it took: delivered is the sum of its discharged loads', async () => {
      const [finished] = await pours(`&day=${today()}&status=completed`);
      expect(finished).toBeDefined();
      const { loads, volumes } = await loadsOf(finished.id);
      expect(volumes.deliveredM3).toBeGreaterThan(0);
      expect(volumes.deliveredM3).toBe(deliveredOf(loads));
      expect(volumes).toMatchObject({ plannedM3: finished.volumeM3, deliveredM3: finished.volumeM3, remainingM3: 0 });
      for (const load of loads) {
        expect(load.ticketNumber).toMatch(/^JN-0[12]-\d{8}-\d{3}$/);
        expect(load.status).toBe('back_at_plant');
        expect(Date.parse(load.batchedAt!)).toBeLessThan(startedAt);
      }
    });

    it('has the plant and site tests of each of those loads, and the specimen sets the sampling rule asks for', async () => {
      const [finished] = await pours(`&day=${today()}&status=completed`);
      const { loads } = await loadsOf(finished.id);
      for (const load of loads) {
        const tests = (await dispatcher.get<QcTestDto[]>(`/loads/${load.id}/qc-tests`)).body;
        expect(tests.map((test) => [test.stage, test.outcome])).toEqual([
          ['plant', 'released'],
          ['site', 'accepted'],
        ]);
        expect(tests.every((test) => test.inspectorName === FLEET)).toBe(true);
      }
      const sampling = (await dispatcher.get(`/pours/${finished.id}/sampling`)).body;
      expect(sampling.setsTaken).toBeGreaterThanOrEqual(sampling.requiredSets);
      expect(sampling.loadsDue).toEqual([]);
    });

    it('shows the pours under way with the concrete delivered since the morning', async () => {
      // The fleet may already have started the ready pour; the ones seeded under way have loads from before.
      const seeded: PourLoadsDto[] = [];
      for (const pour of await pours(`&day=${today()}&status=in_progress`)) {
        const loads = await loadsOf(pour.id);
        if (loads.loads.some((load) => Date.parse(load.createdAt) < startedAt)) seeded.push(loads);
      }
      expect(seeded.length).toBeGreaterThanOrEqual(2);
      for (const { loads, volumes } of seeded) {
        expect(volumes.deliveredM3).toBeGreaterThan(0);
        expect(volumes.deliveredM3).toBe(deliveredOf(loads));
        expect(volumes.remainingM3).toBeGreaterThan(0);
      }
    });
  });

  describe('the demo fleet', () => {
    it('is a system account that cannot sign in, whose token an administrator can ask for', async () => {
      const signIn = await new Http().post('/auth/login', {
        username: DEMO_FLEET_ACCOUNT.username,
        password: 'pourline',
      });
      expect(signIn.status).toBe(401);
      const admin = await login('admin', 'pourline');
      const issued = await admin.post('/auth/system-token', { username: DEMO_FLEET_ACCOUNT.username });
      expect(issued.status).toBe(200);
      const fleet = new Http(issued.body.accessToken);
      expect((await fleet.get('/auth/me')).body).toMatchObject({ displayName: FLEET, role: 'system' });
      expect((await fleet.get('/users')).status).toBe(403);
      expect((await dispatcher.post('/auth/system-token', { username: DEMO_FLEET_ACCOUNT.username })).status).toBe(403);
    });

    it('gives every pump a state its controller reported, and each pump of a pour under way one', async () => {
      const pumps = (await dispatcher.get<PumpDto[]>('/pumps')).body;
      const statuses = await until('a state for every pump', 60_000, async () => {
        const current = (await dispatcher.get<PumpStatusDto[]>('/pumps-status')).body;
        return current.length === pumps.length ? current : undefined;
      });
      for (const status of statuses) {
        expect(PUMP_STATUSES).toContain(status.status);
        const pump = pumps.find((candidate) => candidate.id === status.pumpId)!;
        expect(status.byName).toBe(`tracker ${pump.trackerDeviceId}`);
      }
      for (const pour of await pours(`&day=${today()}&status=in_progress`)) {
        const state = statuses.find((status) => status.pumpId === pour.pumpId);
        expect(['setting_up', 'pumping', 'idle', 'moving']).toContain(state?.status);
      }
    });

    it('records its load steps and tests under its own system account, never a demo person', async () => {
      const live = await until('the demo fleet’s own steps', 90_000, async () => {
        const events: LoadEventDto[] = [];
        const tests: QcTestDto[] = [];
        for (const pour of await pours(`&day=${today()}&status=in_progress`)) {
          for (const load of (await loadsOf(pour.id)).loads) {
            if (Date.parse(load.createdAt) < startedAt) continue;
            events.push(...(await dispatcher.get<LoadEventDto[]>(`/loads/${load.id}/events`)).body);
            tests.push(...(await dispatcher.get<QcTestDto[]>(`/loads/${load.id}/qc-tests`)).body);
          }
        }
        const steps = new Set(events.map((event) => event.toStatus));
        const enough = ['scheduled', 'loading', 'plant_qc', 'released'].every((step) => steps.has(step as never));
        return enough && tests.length > 0 ? { events, tests } : undefined;
      });
      for (const event of live.events) {
        // Geofence steps are the trackers'; everything a person would confirm is the fleet's.
        if (!event.actorName.startsWith('tracker ')) expect(event.actorName).toBe(FLEET);
        expect(DEMO_PEOPLE).not.toContain(event.actorName);
      }
      for (const test of live.tests) expect(test.inspectorName).toBe(FLEET);
    });

    it('completes a pour once its volume is in, its pump going through set-up, pumping and clean-down', async () => {
      const [template] = await pours(`&day=${today()}&status=confirmed`);
      const { id } = (
        await dispatcher.post<PourDto>('/pours', {
          projectId: template.projectId,
          plantId: template.plantId,
          structuralElement: 'Stair 2 landing slab',
          scheduledStart: new Date().toISOString(),
          volumeM3: 6,
          pourRateM3PerHour: 40,
          startPoint: template.startPoint,
          endPoint: template.endPoint,
          pumpId: template.pumpId,
          pumpPosition: template.pumpPosition,
          pumpingMethod: template.pumpingMethod,
          entryRoute: template.entryRoute,
          exitRoute: template.exitRoute,
          truckCount: 1,
          mixId: template.mixId,
          slumpTargetMm: template.slumpTargetMm,
          slumpToleranceMm: template.slumpToleranceMm,
          initialSettingMinutes: template.initialSettingMinutes,
          requiredDocumentTypes: [],
          // The template's pump is booked for its own pour today; the landing goes in between its trucks.
          confirm: { pumpClash: 'Stair landing poured from the same pump between the slab trucks' },
        })
      ).body;
      expect(id).toBeDefined();
      for (const status of ['confirmed', 'ready']) {
        expect((await dispatcher.post(`/pours/${id}/status`, { status })).status).toBe(200);
      }
      const completed = await until('the small pour to be completed', 150_000, async () => {
        const pour = (await dispatcher.get<PourDto>(`/pours/${id}`)).body;
        return pour.status === 'completed' ? pour : undefined;
      });
      const { loads, volumes } = await loadsOf(completed.id);
      expect(volumes.deliveredM3).toBe(6);
      expect(volumes.deliveredM3).toBe(deliveredOf(loads));
      const history = (await dispatcher.get(`/pours/${id}/history`)).body.items;
      expect(history[0]).toMatchObject({
        action: 'status_changed',
        actorName: `${FLEET} (${DEMO_FLEET_ACCOUNT.username})`,
        changes: { from: 'in_progress', to: 'completed' },
      });
      // After its last truck the pump idles, then cleans down and drives home once the pour is completed.
      const pumpStates = await until('the pump to clean down', 30_000, async () => {
        const changes = (await dispatcher.get<PumpStatusDto[]>(`/pumps/${template.pumpId}/status-history`)).body;
        const states = changes.map((change) => change.status).reverse();
        return states.lastIndexOf('moving') > states.lastIndexOf('pumping') ? states : undefined;
      });
      expect(pumpStates).toEqual(expect.arrayContaining(['setting_up', 'pumping', 'moving']));
      expect(pumpStates.lastIndexOf('setting_up')).toBeLessThan(pumpStates.lastIndexOf('pumping'));
    }, 200_000);
  });

  describe('when the day is over', () => {
    it('closes what the past day left open, settles its loads, and plans a fresh day, with no waiting for midnight', async () => {
      const day = today();
      const before = await pours(`&day=${day}`);
      // Pours the demo fleet never touches (it only works on pours ready or under way) are closed by the day's end alone.
      const untouched = before.filter((pour) => pour.status === 'draft' || pour.status === 'confirmed');
      expect(untouched.length).toBeGreaterThan(0);
      expect(before.some((pour) => pour.status === 'in_progress')).toBe(true);
      // The day that was today becomes yesterday: exactly what the demo finds after midnight.
      const sql = new Client({ connectionString: databaseUrl(database) });
      await sql.connect();
      try {
        await sql.query(`UPDATE pours SET scheduled_start = scheduled_start - interval '1 day'`);
      } finally {
        await sql.end();
      }
      const fresh = await until('a fresh demo day', 90_000, async () => {
        const planned = await pours(`&day=${day}`);
        return planned.length === 7 && planned.some((pour) => pour.status === 'completed') ? planned : undefined;
      });
      const beforeIds = new Set(before.map((pour) => pour.id));
      expect(fresh.filter((pour) => beforeIds.has(pour.id))).toEqual([]);

      for (const pour of before) {
        const closed = (await dispatcher.get<PourDto>(`/pours/${pour.id}`)).body;
        expect(['completed', 'cancelled']).toContain(closed.status);
        const { loads, volumes } = await loadsOf(pour.id);
        for (const load of loads) expect(isLoadTerminal(load.status)).toBe(true);
        expect(volumes.deliveredM3).toBe(deliveredOf(loads));
        if (closed.status === 'completed') expect(volumes.deliveredM3).toBeGreaterThan(0);
      }
      for (const pour of untouched) {
        expect((await dispatcher.get<PourDto>(`/pours/${pour.id}`)).body.status).toBe('cancelled');
        const history = (await dispatcher.get(`/pours/${pour.id}/history`)).body.items;
        expect(history[0]).toMatchObject({
          action: 'status_changed',
          actorName: `${FLEET} (${DEMO_FLEET_ACCOUNT.username})`,
          changes: { cause: 'demo day over' },
        });
      }
    }, 120_000);
  });
});
