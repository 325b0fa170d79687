import type { LatestPositionDto, LoadEventDto, PourDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import { type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { adminSession, type PourWorld } from '../support/factories';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  getLoad,
  type LoadCrew,
  scheduleLoad,
} from '../support/load-factories';
import {
  connectReady,
  createTrackedTruck,
  ingest,
  type LiveRecorder,
  northOfFence,
  PLANT,
  sendFix,
  SITE,
  sleep,
  untilJudged,
  type TrackedTruck,
  waitFor,
} from '../support/live-support';
import { ADMIN_PASSWORD } from '../support/test-constants';

const REDIS_URL = 'redis://127.0.0.1:6379';
const JWT_SECRET = 'replicas-agree-secret-shared-by-both-instances-0123456789';

/**
 * Production runs two API instances behind a round-robin proxy, so one
 * truck's fixes alternate between them. Each instance must judge every fix
 * against the same truth: where the truck stands against its fences, which
 * fix is its newest, and which step its load is at.
 */
describe('Two API instances taking turns with one truck’s fixes', () => {
  let database: string;
  let a: RunningApi;
  let b: RunningApi;
  let savedApiUrl: string | undefined;
  let crew: LoadCrew;
  let world: PourWorld;
  let pour: PourDto;
  const sockets: LiveRecorder[] = [];

  /** Fix times strictly increasing and a few seconds apart; never before the last step taken by hand. */
  let clockMs = 0;
  const nextFixTime = () => new Date((clockMs = Math.max(clockMs, Date.now()) + 3_000));

  let turn = 0;
  /** Sends to A and B in turn, as the proxy would. */
  async function report(truck: TrackedTruck, at: { lat: number; lng: number }, time = nextFixTime()): Promise<Date> {
    const instance = turn++ % 2 === 0 ? a : b;
    await sendFix(truck.deviceId, { ...at, at: time, speedKmh: 25 }, instance.baseUrl);
    return time;
  }

  async function eventsOf(loadId: string): Promise<LoadEventDto[]> {
    const answer = await crew.dispatcher.get<LoadEventDto[]>(`/loads/${loadId}/events`);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  const stepsTo = (events: LoadEventDto[], status: LoadStatus) => events.filter((event) => event.toStatus === status);

  async function untilStatus(loadId: string, status: LoadStatus) {
    return waitFor(`load ${loadId} to be ${status}`, async () => {
      const load = await getLoad(crew.dispatcher, loadId);
      return load.status === status ? load : undefined;
    });
  }

  beforeAll(async () => {
    database = await createDatabase('pourline_replicas');
    const env = { DATABASE_URL: databaseUrl(database), REDIS_URL, JWT_SECRET, ADMIN_PASSWORD, DEMO: 'false' };
    // One after the other: each applies the migrations at start.
    a = await startApi(env);
    b = await startApi(env);
    // The factories talk to "the API": here that is instance A.
    savedApiUrl = process.env.POURLINE_API_URL;
    process.env.POURLINE_API_URL = a.baseUrl;
    const admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
    pour = await createReadyPour(crew, world);
  }, 240_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    process.env.POURLINE_API_URL = savedApiUrl;
    await Promise.all([a?.stop(), b?.stop()]);
    if (database) await dropDatabase(database);
  }, 60_000);

  it('makes one geofence step per crossing, and none while the truck jitters at the gate', async () => {
    const truck = await createTrackedTruck(crew.admin, world.plant.id);
    const load = await scheduleLoad(crew, pour, { truck });
    await advanceLoad(crew, load.id, 'released');

    // Seen inside the yard by one instance, then jittering 10–20 m outside the fence: inside the
    // 40 m exit margin, so it has not left, whichever instance takes the fix.
    await report(truck, PLANT);
    let last = new Date(0);
    for (const metres of [15, 12, 18, 10, 15, 12]) last = await report(truck, northOfFence(PLANT, metres));
    await untilJudged(truck.id, last, database);
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('released');

    // Well outside, then on the road: one step, whichever instance judged the crossing.
    for (const metres of [60, 120, 400]) await report(truck, northOfFence(PLANT, metres));
    await report(truck, { lat: 31.93, lng: 118.83 });
    await untilStatus(load.id, 'en_route');

    // The site is entered in the very next fix, on the other instance from the one that made
    // the load en_route: it must judge against the step just made, not a view from before it.
    await report(truck, { lat: SITE.lat + 0.0005, lng: SITE.lng });
    const inside = await report(truck, SITE);
    await untilStatus(load.id, 'on_site');
    await untilJudged(truck.id, inside, database);

    const events = await eventsOf(load.id);
    expect(stepsTo(events, 'en_route')).toHaveLength(1);
    expect(stepsTo(events, 'on_site')).toHaveLength(1);
    expect(events.map((event) => event.toStatus).slice(-2)).toEqual(['en_route', 'on_site']);
  });

  it('never moves the truck backwards on a console of either instance, late fixes included', async () => {
    const truck = await createTrackedTruck(crew.admin, world.plant.id);
    const token = crew.admin.token;
    const onA = await connectReady({ token, baseUrl: a.baseUrl });
    const onB = await connectReady({ token, baseUrl: b.baseUrl });
    sockets.push(onA, onB);

    let newest: Date | undefined;
    for (let step = 0; step < 12; step++) {
      const at = nextFixTime();
      newest = await report(truck, { lat: 31.91 + step * 0.001, lng: 118.81 }, at);
      // A fix buffered by the tracker and sent late reaches the other instance: older than the
      // one just stored, newer than anything that instance has seen of this truck itself.
      await report(truck, { lat: 31.5, lng: 118.5 }, new Date(at.getTime() - 2_000));
    }

    for (const recorder of [onA, onB]) {
      await waitFor(
        'the newest fix on the console',
        () => recorder.positionsOf(truck.id).some((position) => position.fixTime === newest!.toISOString()),
        5_000,
        25,
      );
      await sleep(300);
      const seen: LatestPositionDto[] = recorder.positionsOf(truck.id);
      const times = seen.map((position) => Date.parse(position.fixTime));
      for (let index = 1; index < times.length; index++) expect(times[index]).toBeGreaterThanOrEqual(times[index - 1]);
      expect(seen.some((position) => position.lat === 31.5)).toBe(false);
      expect(seen.at(-1)!.fixTime).toBe(newest!.toISOString());
    }

    for (const instance of [a, b]) {
      const answer = await fetch(`${instance.baseUrl}/api/tracking/positions`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((response) => response.json() as Promise<LatestPositionDto[]>);
      expect(answer.find((position) => position.entityId === truck.id)).toMatchObject({
        fixTime: newest!.toISOString(),
        lat: expect.closeTo(31.921, 6),
      });
    }
  });

  it('refuses, on both instances within moments, a tracker whose secret was replaced or whose truck was stood down', async () => {
    const truck = await createTrackedTruck(crew.admin, world.plant.id);
    const fields = (extra: Record<string, string> = {}) => ({
      id: truck.deviceId,
      lat: String(PLANT.lat),
      lon: String(PLANT.lng),
      timestamp: String(nextFixTime().getTime()),
      ...extra,
    });
    // Both instances have just read their tracker lists, which stay fresh for ten seconds.
    for (const instance of [a, b]) await sendFix(truck.deviceId, { ...PLANT, at: nextFixTime() }, instance.baseUrl);

    // Changed through A: B has no part in it but the database's notice.
    const secured = await crew.admin.patch(`/trucks/${truck.id}`, { trackerSecret: 'replaced on the road' });
    expect(secured.status).toBe(200);
    for (const instance of [b, a]) {
      await waitFor(
        'the old way in to be refused',
        async () => (await ingest.osmandForm(fields(), instance.baseUrl)).status === 401,
        2_000,
        20,
      );
      expect((await ingest.osmandForm(fields({ secret: 'replaced on the road' }), instance.baseUrl)).status).toBe(200);
    }

    const stoodDown = await crew.admin.patch(`/trucks/${truck.id}`, { active: false });
    expect(stoodDown.status).toBe(200);
    for (const instance of [b, a]) {
      const refused = await waitFor(
        'the stood-down truck to be refused',
        async () => {
          const answer = await ingest.osmandForm(fields({ secret: 'replaced on the road' }), instance.baseUrl);
          return answer.status === 200 ? undefined : answer;
        },
        2_000,
        20,
      );
      expect(refused.status).toBe(404);
    }
  });
});
