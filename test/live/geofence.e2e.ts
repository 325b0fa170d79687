import type { LoadDto, LoadEventDto, PourDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import { adminSession, type PourWorld } from '../support/factories';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  DISPATCHER_NAME,
  FAILING_SLUMP_MM,
  getLoad,
  type LoadCrew,
  QC_NAME,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';
import {
  createTrackedTruck,
  northOfFence,
  queryE2eDatabase,
  PLANT,
  sendFix,
  SITE,
  sleep,
  type TrackedTruck,
  untilJudged,
  waitFor,
} from '../support/live-support';

/** Fix times strictly increasing and close to the wall clock, as a live tracker's are. */
let lastFixMs = 0;
function fixTime(): Date {
  lastFixMs = Math.max(Date.now(), lastFixMs + 1);
  return new Date(lastFixMs);
}

async function report(truck: TrackedTruck, at: { lat: number; lng: number }): Promise<Date> {
  const time = fixTime();
  await sendFix(truck.deviceId, { ...at, at: time, speedKmh: 20 });
  return time;
}

async function untilStatus(crew: LoadCrew, loadId: string, status: LoadStatus, timeoutMs = 6_000): Promise<LoadDto> {
  let seen: LoadStatus | undefined;
  return waitFor(
    `load ${loadId} to be ${status}`,
    async () => {
      const load = await getLoad(crew.dispatcher, loadId);
      seen = load.status;
      return load.status === status ? load : undefined;
    },
    timeoutMs,
    100,
  ).catch((error: Error) => {
    throw new Error(`${error.message} (still ${seen})`);
  });
}

/**
 * A witness truck, loading at the plant, steps in and out of its fence: every fix of it
 * changes where it stands, so each is judged in the database (a fix that changes nothing is
 * passed over), after every fix sent before it, and never moves its load (a loading load has
 * no fence step). Once it is judged, a fix that must change nothing has had its chance to.
 */
interface Witness {
  truck: TrackedTruck;
  allJudged: () => Promise<void>;
}

async function createWitness(crew: LoadCrew, pour: PourDto, world: PourWorld): Promise<Witness> {
  const truck = await createTrackedTruck(crew.admin, world.plant.id);
  const load = await scheduleLoad(crew, pour, { truck });
  await advanceLoad(crew, load.id, 'loading');
  let inside = false;
  return {
    truck,
    allJudged: async () => {
      inside = !inside;
      await untilJudged(truck.id, await report(truck, inside ? PLANT : northOfFence(PLANT, 100)));
    },
  };
}

async function eventsOf(crew: LoadCrew, loadId: string): Promise<LoadEventDto[]> {
  const answer = await crew.dispatcher.get<LoadEventDto[]>(`/loads/${loadId}/events`);
  expect(answer.status).toBe(200);
  return answer.body;
}

const stepTo = (events: LoadEventDto[], status: LoadStatus) => events.find((event) => event.toStatus === status);

describe('Geofences move a load through its cycle as the truck reports', () => {
  let crew: LoadCrew;
  let world: PourWorld;
  let pour: PourDto;
  let witness: Witness;

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
    pour = await createReadyPour(crew, world);
    witness = await createWitness(crew, pour, world);
  });

  describe('a clean cycle', () => {
    let truck: TrackedTruck;
    let load: LoadDto;
    const crossedAt: Partial<Record<LoadStatus, Date>> = {};

    beforeAll(async () => {
      truck = await createTrackedTruck(crew.admin, world.plant.id);
      load = await scheduleLoad(crew, pour, { truck });
      await advanceLoad(crew, load.id, 'released');
    });

    it('leaves a released load released while the truck jitters 10–20 m outside the plant fence', async () => {
      await report(truck, PLANT);
      for (const metres of [15, 12, 18, 10, 15]) await report(truck, northOfFence(PLANT, metres));
      await witness.allJudged();
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('released');
    });

    it('makes it en_route once the truck is more than 40 m outside the plant fence', async () => {
      crossedAt.en_route = await report(truck, northOfFence(PLANT, 60));
      const moved = await untilStatus(crew, load.id, 'en_route');
      expect(moved.status).toBe('en_route');
      // The step is dated by the fix that crossed, not by the jitter before it.
      const step = stepTo(await eventsOf(crew, load.id), 'en_route')!;
      expect(step).toMatchObject({ fromStatus: 'released', actorName: `tracker ${truck.deviceId}` });
      expect(new Date(step.at).toISOString()).toBe(crossedAt.en_route.toISOString());
    });

    it('makes it on_site when the truck enters the site fence', async () => {
      await report(truck, { lat: 31.93, lng: 118.83 });
      await report(truck, northOfFence(SITE, 30));
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('en_route');
      crossedAt.on_site = await report(truck, { lat: SITE.lat + 0.0005, lng: SITE.lng });
      await untilStatus(crew, load.id, 'on_site');
      const step = stepTo(await eventsOf(crew, load.id), 'on_site')!;
      expect(step).toMatchObject({ fromStatus: 'en_route', actorName: `tracker ${truck.deviceId}` });
      expect(new Date(step.at).toISOString()).toBe(crossedAt.on_site.toISOString());
    });

    it('leaves discharge to people: inside the site fence the load stays on_site', async () => {
      await report(truck, SITE);
      await witness.allJudged();
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('on_site');
    });

    it('leaves a discharged load discharged while the truck jitters just outside the site fence', async () => {
      await advanceLoad(crew, load.id, 'discharged', { siteSession: crew.site });
      await report(truck, SITE);
      for (const metres of [15, 20, 12]) await report(truck, northOfFence(SITE, metres));
      await witness.allJudged();
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('discharged');
    });

    it('makes it returning once the truck is more than 40 m outside the site fence', async () => {
      crossedAt.returning = await report(truck, northOfFence(SITE, 80));
      await untilStatus(crew, load.id, 'returning');
      const step = stepTo(await eventsOf(crew, load.id), 'returning')!;
      expect(step).toMatchObject({ fromStatus: 'discharged', actorName: `tracker ${truck.deviceId}` });
      expect(new Date(step.at).toISOString()).toBe(crossedAt.returning.toISOString());
    });

    it('brings it back_at_plant when the truck enters the plant fence', async () => {
      await report(truck, { lat: 31.92, lng: 118.81 });
      await report(truck, northOfFence(PLANT, 10));
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('returning');
      crossedAt.back_at_plant = await report(truck, PLANT);
      const back = await untilStatus(crew, load.id, 'back_at_plant');
      expect(back.rejected).toBe(false);
    });

    it('keeps a history that names the tracker for each fence step and the person for the rest', async () => {
      const events = await eventsOf(crew, load.id);
      expect(events.map((event) => [event.fromStatus, event.toStatus, event.actorName])).toEqual([
        [null, 'scheduled', DISPATCHER_NAME],
        ['scheduled', 'loading', DISPATCHER_NAME],
        ['loading', 'plant_qc', DISPATCHER_NAME],
        ['plant_qc', 'released', QC_NAME],
        ['released', 'en_route', `tracker ${truck.deviceId}`],
        ['en_route', 'on_site', `tracker ${truck.deviceId}`],
        ['on_site', 'discharging', expect.any(String)],
        ['discharging', 'discharged', expect.any(String)],
        ['discharged', 'returning', `tracker ${truck.deviceId}`],
        ['returning', 'back_at_plant', `tracker ${truck.deviceId}`],
      ]);
      expect(new Date(stepTo(events, 'back_at_plant')!.at).toISOString()).toBe(crossedAt.back_at_plant!.toISOString());
    });

    it('does nothing more once the load is back: the truck leaving again moves nothing', async () => {
      await report(truck, northOfFence(PLANT, 200));
      await witness.allJudged();
      const events = await eventsOf(crew, load.id);
      expect(events).toHaveLength(10);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('back_at_plant');
    });
  });

  describe('a load rejected on site', () => {
    it('goes returning_with_load as the truck leaves the site, then back_at_plant at the plant', async () => {
      const truck = await createTrackedTruck(crew.admin, world.plant.id);
      const load = await scheduleLoad(crew, pour, { truck });
      await advanceLoad(crew, load.id, 'on_site');
      const test = await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
      expect(test.status).toBe(201);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('rejected');

      await report(truck, SITE);
      await report(truck, northOfFence(SITE, 100));
      await untilStatus(crew, load.id, 'returning_with_load');
      await report(truck, PLANT);
      const back = await untilStatus(crew, load.id, 'back_at_plant');
      expect(back.rejected).toBe(true);
      const events = await eventsOf(crew, load.id);
      expect(stepTo(events, 'returning_with_load')!.actorName).toBe(`tracker ${truck.deviceId}`);
      expect(stepTo(events, 'back_at_plant')!.actorName).toBe(`tracker ${truck.deviceId}`);
    });
  });

  it('judges in the database only the fixes that change where a truck stands or move its load', async () => {
    const truck = await createTrackedTruck(crew.admin, world.plant.id);
    const load = await scheduleLoad(crew, pour, { truck });
    await advanceLoad(crew, load.id, 'loading');
    const first = await report(truck, PLANT);
    await untilJudged(truck.id, first);
    // Standing still in the yard, loading: nothing to judge.
    for (let fix = 0; fix < 4; fix++) await report(truck, PLANT);
    await witness.allJudged();
    const stored = async () =>
      (
        await queryE2eDatabase<{ lastFixTime: Date; plant: string }>(
          'SELECT last_fix_time AS "lastFixTime", plant FROM truck_fence_presence WHERE truck_id = $1',
          [truck.id],
        )
      )[0];
    expect(await stored()).toEqual({ lastFixTime: first, plant: 'inside' });
    // Driving out of the yard changes where it stands: judged, though a loading load does not move.
    const out = await report(truck, northOfFence(PLANT, 100));
    await untilJudged(truck.id, out);
    expect(await stored()).toEqual({ lastFixTime: out, plant: 'outside' });
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('loading');
  });

  describe('a truck that drives off the moment a step is confirmed by hand', () => {
    /** A tracker reporting every 250 ms from `where` until stopped. */
    function streamFrom(truck: TrackedTruck, start: { lat: number; lng: number }) {
      let where = start;
      let running = true;
      const sent: Date[] = [];
      const done = (async () => {
        const until = Date.now() + 30_000;
        while (running && Date.now() < until) {
          sent.push(await report(truck, where));
          await sleep(250);
        }
      })();
      return {
        /** Until `count` fixes from where it stands have been judged (or, changing nothing, passed over). */
        judged: async (count: number) => {
          await untilJudged(truck.id, await waitFor('a first fix sent', () => sent[0]));
          await waitFor(`${count} fixes sent`, () => sent[count - 1]);
          await witness.allJudged();
        },
        moveTo: (next: { lat: number; lng: number }) => (where = next),
        stop: async () => {
          running = false;
          await done;
        },
      };
    }

    it('still goes returning when it leaves the site right after discharge is confirmed', async () => {
      const truck = await createTrackedTruck(crew.admin, world.plant.id);
      const load = await scheduleLoad(crew, pour, { truck });
      await advanceLoad(crew, load.id, 'discharging');
      const tracker = streamFrom(truck, SITE);
      try {
        await tracker.judged(3); // the truck sits inside the site fence, discharging, reporting as it does
        await advanceLoad(crew, load.id, 'discharged', { siteSession: crew.site });
        tracker.moveTo(northOfFence(SITE, 150));
        await untilStatus(crew, load.id, 'returning', 6_000);
      } finally {
        await tracker.stop();
      }
    });

    it('still goes en_route when it leaves the plant right after plant QC releases it', async () => {
      const truck = await createTrackedTruck(crew.admin, world.plant.id);
      const load = await scheduleLoad(crew, pour, { truck });
      await advanceLoad(crew, load.id, 'plant_qc');
      const tracker = streamFrom(truck, PLANT);
      try {
        await tracker.judged(3); // waiting at the plant for the test, reporting as it does
        await advanceLoad(crew, load.id, 'released');
        tracker.moveTo(northOfFence(PLANT, 150));
        await untilStatus(crew, load.id, 'en_route', 6_000);
      } finally {
        await tracker.stop();
      }
    });
  });
});
