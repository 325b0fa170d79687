import type { LoadDto, PourDispatchDto, PourLogDto } from '@pourline/contracts';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { adminSession, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import { connectReady, createTrackedTruck, type LiveRecorder, sendFix, waitFor } from '../support/live-support';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  createTruck,
  DISPATCHER_NAME,
  type LoadCrew,
  pourLoads,
} from '../support/load-factories';
import { DispatchHost } from './dispatch-host';

const MINUTE = 60_000;
/** Hours behind the wall clock: every step and fix is in the past, as the API allows. */
const T0 = new Date(Math.floor((Date.now() - 12 * 3_600_000) / MINUTE) * MINUTE);
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const RATE = 40;

/** On the factory route, east of the plant's fence: (31.9, 118.815). */
const ON_ROUTE = { lat: 31.9, lng: 118.815 };
/** About 670 m north of that stretch of the route. */
const OFF_ROUTE = { lat: 31.906, lng: 118.815 };

interface AlertView {
  seq: number;
  type: string;
  at: string;
  summary: string;
  payload: { key: string; kind: string; pourId: string; facts: Record<string, number> };
  acknowledgement: { note: string; byName: string } | null;
  resolvedAt: string | null;
}

/**
 * Each kind of flow alert end to end, on an API whose clock the test sets:
 * raised once while its cause holds however often the server looks,
 * acknowledged with a note, and resolved by itself when the cause ends. The
 * causes are made the way they arise: loads driven through their steps as the
 * clock moves, and trucks' positions sent to the tracker ingest.
 */
describe('Dispatch alerts: raised once, acknowledged with a note, resolved by themselves', () => {
  let database: string;
  let host: DispatchHost;
  let crew: LoadCrew;
  let admin: Http;
  let console: LiveRecorder;
  let minute = 0;
  const savedUrl = process.env.POURLINE_API_URL;

  const alertsOf = async (key: string): Promise<AlertView[]> =>
    ((await crew.dispatcher.get('/alerts')).body as AlertView[]).filter(
      (alert) => alert.type === 'dispatch.alert.v1' && alert.payload.key === key,
    );
  const dispatchOf = async (pourId: string): Promise<PourDispatchDto> => {
    const answer = await crew.dispatcher.get<PourDispatchDto>(`/pours/${pourId}/dispatch`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const acceptNext = async (pourId: string, changes: Record<string, unknown> = {}): Promise<LoadDto> => {
    const { proposals } = await dispatchOf(pourId);
    const answer = await crew.dispatcher.post<LoadDto>(`/pours/${pourId}/dispatch/accept`, {
      key: proposals[0].key,
      ...changes,
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  /** One beat of the dispatch room at `minute`, with the fleet moved first when told. */
  const beat = async (fleet?: { pourId: string; travelMinutes: number }) => {
    await host.setClock(at(minute));
    if (fleet) await host.fleet(fleet.pourId, fleet.travelMinutes, RATE);
    return host.tick();
  };
  /** Moves the day on a minute at a time until `done` says so. */
  const runUntil = async (
    done: () => Promise<boolean>,
    fleet?: { pourId: string; travelMinutes: number },
    limitMinutes = 120,
  ) => {
    for (let step = 0; step < limitMinutes; step++) {
      minute += 1;
      await beat(fleet);
      if (await done()) return;
    }
    throw new Error(`not done within ${limitMinutes} minutes`);
  };
  const raised = (key: string) => async () => (await alertsOf(key)).some((alert) => alert.resolvedAt === null);
  const resolved = (key: string) => async () => {
    const alerts = await alertsOf(key);
    return alerts.length > 0 && alerts.every((alert) => alert.resolvedAt !== null);
  };
  /** The one open alert of this cause, as the console heard it. */
  const theOpenAlert = async (key: string): Promise<AlertView> => {
    await console.waitForEvent(
      `the alert ${key}`,
      (item) => item.name === 'dispatch.alert.v1' && item.data.payload.key === key,
    );
    const open = (await alertsOf(key)).filter((alert) => alert.resolvedAt === null);
    expect(open).toHaveLength(1);
    return open[0];
  };
  const acknowledge = async (alert: AlertView, note: string) => {
    const answer = await crew.dispatcher.post<AlertView>(`/alerts/${alert.seq}/acknowledge`, { note });
    expect(answer.status).toBe(200);
    expect(answer.body.acknowledgement).toMatchObject({ note, byName: DISPATCHER_NAME });
    expect(answer.body.resolvedAt).toBeNull();
  };
  /** Resolved, announced live, and still the only alert of its cause: the server raised it once. */
  const expectResolvedOnce = async (key: string, count = 1) => {
    await waitFor(`${key} resolved`, resolved(key));
    await console.waitForEvent(
      `the resolution of ${key}`,
      (item) => item.name === 'dispatch.alert_resolved.v1' && item.data.payload.key === key,
    );
    const alerts = await alertsOf(key);
    expect(alerts).toHaveLength(count);
    expect(Date.parse(alerts[0].resolvedAt!)).toBeGreaterThan(Date.parse(alerts[0].at));
    const open = (await crew.dispatcher.get<AlertView[]>('/alerts?open=true')).body;
    expect(open.map((alert) => alert.seq)).not.toContain(alerts[0].seq);
    return alerts;
  };

  beforeAll(async () => {
    database = await createDatabase('pourline_dispatch_alerts');
    host = await DispatchHost.start(databaseUrl(database), T0);
    process.env.POURLINE_API_URL = host.baseUrl;
    admin = await adminSession();
    crew = await createCrew(admin);
    console = await connectReady({ token: crew.dispatcher.token, baseUrl: host.baseUrl });
  }, 180_000);

  afterAll(async () => {
    console?.close();
    await host?.stop();
    process.env.POURLINE_API_URL = savedUrl;
    if (database) await dropDatabase(database);
  });

  describe('bunching: more trucks waiting on site than the pour allows', () => {
    let world: PourWorld;
    let pourId: string;
    let travelMinutes: number;
    const key = () => `bunching:${pourId}`;
    const fleet = () => ({ pourId, travelMinutes });
    const waitingOnSite = async () =>
      (await pourLoads(crew.dispatcher, pourId)).loads.filter((load) => load.status === 'on_site').length;

    beforeAll(async () => {
      world = await createLoadWorld(admin, crew);
      for (let i = 0; i < 4; i++) await createTruck(admin, world.plant.id, 10);
      await host.setClock(at(minute));
      const pour = await createReadyPour(crew, world, {
        scheduledStart: at(minute + 40).toISOString(),
        volumeM3: 40,
        pourRateM3PerHour: RATE,
        truckCount: 4,
      });
      pourId = pour.id;
      travelMinutes = (await dispatchOf(pourId)).travel.minutes;
    });

    it('the dispatcher moves four loads to one loading time: an override kept with who and why', async () => {
      const reason = 'Site wants the whole pour on site before the road closes';
      for (let i = 0; i < 4; i++) await acceptNext(pourId, { loadAt: at(minute).toISOString(), reason });
      const { decisions } = await dispatchOf(pourId);
      expect(decisions).toHaveLength(4);
      for (const decision of decisions) {
        expect(decision).toMatchObject({ kind: 'overridden', reason, byName: DISPATCHER_NAME });
        expect(decision.chosen.loadAt).toBe(at(minute).toISOString());
        expect(Date.parse(decision.proposed!.loadAt)).toBeGreaterThan(at(minute).getTime());
      }
    });

    it('with the default limit of two, raises it once when more trucks wait', async () => {
      expect((await dispatchOf(pourId)).bunchingMaxWaitingInEffect).toBe(2);
      await runUntil(async () => (await waitingOnSite()) >= 3, fleet());
      await waitFor('the bunching alert', raised(key()));
      for (let i = 0; i < 3; i++) {
        minute += 1;
        await beat(fleet());
      }
      expect(await waitingOnSite()).toBe(3);
      const alert = await theOpenAlert(key());
      // All four arrived together: none had begun to discharge when the server looked.
      expect(alert.payload.facts).toEqual({ waiting: 4, limit: 2 });
      expect(alert.summary).toContain('4 trucks waiting on site (more than 2)');
      await acknowledge(alert, 'Asked the site to open the second pump line');
    });

    it('resolves it by itself once no more than two wait', async () => {
      await runUntil(resolved(key()), fleet());
      expect(await waitingOnSite()).toBeLessThanOrEqual(2);
      await expectResolvedOnce(key());
    });

    it('the pour’s own limit of one raises it again for two waiting, and resolves at one', async () => {
      expect(await waitingOnSite()).toBe(2);
      const answer = await crew.dispatcher.patch<PourDispatchDto>(`/pours/${pourId}/dispatch`, {
        bunchingMaxWaiting: 1,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ bunchingMaxWaiting: 1, bunchingMaxWaitingInEffect: 1 });
      await beat();
      await waitFor('the second bunching alert', raised(key()));
      const alerts = await alertsOf(key());
      expect(alerts).toHaveLength(2);
      expect(alerts[0].payload.facts).toEqual({ waiting: 2, limit: 1 });
      await acknowledge(alerts[0], 'Slow pump today: one truck in the queue is enough');
      await runUntil(resolved(key()), fleet());
      expect(await waitingOnSite()).toBeLessThanOrEqual(1);
      await expectResolvedOnce(key(), 2);
    });

    it('refuses a limit that is no limit, and the log shows the overrides and the new limit', async () => {
      for (const bad of [0, 2.5, 21, '2']) {
        const refused = await crew.dispatcher.patch(`/pours/${pourId}/dispatch`, { bunchingMaxWaiting: bad });
        expect(refused.status).toBe(400);
      }
      expect((await dispatchOf(pourId)).bunchingMaxWaiting).toBe(1);
      const log = await crew.dispatcher.get<PourLogDto>(`/pours/${pourId}/log?pageSize=200`);
      const limit = log.body.items.find((entry) => entry.code === 'dispatch.bunching_limit');
      expect(limit).toMatchObject({ by: { name: DISPATCHER_NAME }, params: { trucks: 1 } });
      const overrides = log.body.items.filter((entry) => entry.code === 'dispatch.overridden');
      expect(overrides).toHaveLength(4);
      expect(overrides[0].params).toMatchObject({ changed: ['loadAt'], plant: world.plant.code });
      expect(overrides[0].params.note).toContain('road closes');
    });
  });

  describe('cold-joint risk: trucks break down and the plan cannot keep the pump fed', () => {
    let pourId: string;
    let travelMinutes: number;
    let spares: { id: string }[];
    const key = () => `cold_joint_risk:${pourId}`;
    const setActive = async (active: boolean) => {
      for (const truck of spares) expect((await admin.patch(`/trucks/${truck.id}`, { active })).status).toBe(200);
    };

    beforeAll(async () => {
      minute += 10;
      const world = await createLoadWorld(admin, crew);
      const trucks = [];
      for (let i = 0; i < 4; i++) trucks.push(await createTruck(admin, world.plant.id, 10));
      await host.setClock(at(minute));
      pourId = (
        await createReadyPour(crew, world, {
          scheduledStart: at(minute + 40).toISOString(),
          volumeM3: 40,
          pourRateM3PerHour: RATE,
          truckCount: 4,
        })
      ).id;
      // A waterproof slab: the pump may stand 30 minutes at most.
      const limit = await crew.dispatcher.patch<PourDispatchDto>(`/pours/${pourId}/dispatch`, {
        coldJointLimitMinutes: 30,
      });
      expect(limit.body.rhythm.coldJointRisk).toBe(false);
      travelMinutes = limit.body.travel.minutes;
      const first = await acceptNext(pourId);
      spares = trucks.filter((truck) => truck.id !== first.truckId);
      await runUntil(
        async () => (await pourLoads(crew.dispatcher, pourId)).loads[0].status === 'discharging',
        { pourId, travelMinutes },
        90,
      );
      expect(await alertsOf(key())).toEqual([]);
    }, 120_000);

    it('raises it once the other three trucks break down, leaving gaps over the limit', async () => {
      await setActive(false);
      minute += 1;
      await beat();
      minute += 1;
      await beat();
      const alert = await theOpenAlert(key());
      expect(alert.payload.facts.limitMinutes).toBe(30);
      expect(alert.payload.facts.gapMinutes).toBeGreaterThan(30);
      expect((await dispatchOf(pourId)).rhythm.coldJointRisk).toBe(true);
      await acknowledge(alert, 'Mechanic says the three trucks are back within minutes');
    });

    it('resolves it by itself when the trucks are back and the plan closes the gaps', async () => {
      await setActive(true);
      minute += 1;
      await beat();
      await expectResolvedOnce(key());
      const plan = await dispatchOf(pourId);
      expect(plan.rhythm.coldJointRisk).toBe(false);
      expect(plan.rhythm.worstGapMinutes).toBeLessThanOrEqual(30);
    });
  });

  describe('a load left standing on site: its age, then the truck’s time on site', () => {
    let pourId: string;
    let travelMinutes: number;
    let load: LoadDto;
    let batchedAt: number;
    let arrivedAt: number;
    const ageKey = () => `load_age:${load.id}`;
    const siteKey = () => `long_on_site:${load.id}`;
    const statusOf = async () => (await pourLoads(crew.dispatcher, pourId)).loads[0];

    beforeAll(async () => {
      minute += 10;
      const world = await createLoadWorld(admin, crew);
      await createTruck(admin, world.plant.id, 10);
      await host.setClock(at(minute));
      pourId = (
        await createReadyPour(crew, world, {
          scheduledStart: at(minute + 40).toISOString(),
          volumeM3: 10,
          pourRateM3PerHour: RATE,
          truckCount: 1,
        })
      ).id;
      travelMinutes = (await dispatchOf(pourId)).travel.minutes;
      load = await acceptNext(pourId);
      await runUntil(async () => (await statusOf()).status === 'on_site', { pourId, travelMinutes });
      const current = await statusOf();
      batchedAt = Date.parse(current.batchedAt!);
      arrivedAt = at(minute).getTime();
      // 90 minutes from batching: the age limit, shorter than initial setting less the margin.
      expect(Date.parse(current.dischargeDeadline!) - batchedAt).toBe(90 * MINUTE);
    }, 120_000);

    it('raises the load’s age once past three quarters of its time, and not before', async () => {
      minute = Math.floor((batchedAt - T0.getTime()) / MINUTE) + 67;
      await beat();
      expect(await alertsOf(ageKey())).toEqual([]);
      minute += 1;
      await beat();
      minute += 5;
      await beat();
      const alert = await theOpenAlert(ageKey());
      expect(alert.payload.facts.agePercent).toBe(76);
      await acknowledge(alert, 'Pump blocked; the site is clearing the line');
    });

    it('raises the truck’s time on site once past two hours, and not before', async () => {
      minute = Math.ceil((arrivedAt - T0.getTime()) / MINUTE) + 120;
      await beat();
      expect(await alertsOf(siteKey())).toEqual([]);
      minute += 1;
      await beat();
      minute += 5;
      await beat();
      const alert = await theOpenAlert(siteKey());
      expect(alert.payload.facts.minutes).toBe(121);
      await acknowledge(alert, 'QC is on the way to judge the load');
    });

    it('resolves both by themselves once the load is out of the drum and the truck leaves', async () => {
      await runUntil(resolved(siteKey()), { pourId, travelMinutes });
      expect(['discharged', 'returning', 'back_at_plant']).toContain((await statusOf()).status);
      await expectResolvedOnce(siteKey());
      await expectResolvedOnce(ageKey());
    });
  });

  describe('a tracked truck off its route, then stopped on the road', () => {
    let pourId: string;
    let truck: { id: string; deviceId: string };
    let load: LoadDto;
    const offKey = () => `off_route:${load.id}`;
    const stopKey = () => `stopped_on_road:${load.id}`;
    /** A fix at the clock's time, as the truck's tracker sends it. */
    const fix = (where: { lat: number; lng: number }, speedKmh: number, seconds = 0) =>
      sendFix(
        truck.deviceId,
        { ...where, speedKmh, at: new Date(at(minute).getTime() + seconds * 1000) },
        host.baseUrl,
      );
    const beatAt = async (seconds: number) => {
      await host.setClock(new Date(at(minute).getTime() + seconds * 1000));
      return host.tick();
    };

    beforeAll(async () => {
      minute += 10;
      const world = await createLoadWorld(admin, crew);
      truck = await createTrackedTruck(admin, world.plant.id);
      await host.setClock(at(minute));
      pourId = (
        await createReadyPour(crew, world, {
          scheduledStart: at(minute + 40).toISOString(),
          volumeM3: 12,
          pourRateM3PerHour: RATE,
          truckCount: 1,
        })
      ).id;
      load = await acceptNext(pourId);
      expect(load.truckId).toBe(truck.id);
      // The fleet takes it through loading and away from the plant; the road is then the tracker's.
      await runUntil(
        async () => (await pourLoads(crew.dispatcher, pourId)).loads[0].status === 'en_route',
        { pourId, travelMinutes: 999 },
        60,
      );
      minute += 1;
      await fix(ON_ROUTE, 40);
      await beatAt(0);
    }, 120_000);

    it('raises nothing for a truck driving its route', async () => {
      expect(await alertsOf(offKey())).toEqual([]);
      expect(await alertsOf(stopKey())).toEqual([]);
    });

    it('raises off-route once the truck has been over 300 m away for a minute', async () => {
      minute += 1;
      await fix(OFF_ROUTE, 40);
      await beatAt(0);
      await fix(OFF_ROUTE, 35, 30);
      await beatAt(30);
      expect(await alertsOf(offKey())).toEqual([]);
      await fix(OFF_ROUTE, 30, 59);
      await beatAt(59);
      expect(await alertsOf(offKey())).toEqual([]);
      await beatAt(61);
      await beatAt(90);
      const alert = await theOpenAlert(offKey());
      expect(alert.payload.facts.distanceM).toBeGreaterThan(600);
      expect(alert.payload.facts.distanceM).toBeLessThan(750);
      await acknowledge(alert, 'Driver took the ring road round an accident');
    });

    it('resolves off-route by itself once the truck is back on its route', async () => {
      minute += 2;
      await fix(ON_ROUTE, 40);
      await beatAt(0);
      await expectResolvedOnce(offKey());
    });

    it('raises stopped-on-the-road once the truck has stood ten minutes, and not before', async () => {
      minute += 1;
      const stoppedAt = minute;
      for (let standing = 0; standing <= 9; standing++) {
        minute = stoppedAt + standing;
        await fix(ON_ROUTE, 0);
        await beatAt(0);
      }
      expect(await alertsOf(stopKey())).toEqual([]);
      minute = stoppedAt + 10;
      await fix(ON_ROUTE, 0);
      await beatAt(0);
      minute += 1;
      await fix(ON_ROUTE, 0);
      await beatAt(0);
      const alert = await theOpenAlert(stopKey());
      expect(alert.payload.facts.minutes).toBe(10);
      await acknowledge(alert, 'Flat tyre; the service van is on its way');
    });

    it('resolves stopped-on-the-road by itself once the truck drives on', async () => {
      minute += 3;
      await fix(ON_ROUTE, 35);
      await beatAt(0);
      await expectResolvedOnce(stopKey());
      expect(await alertsOf(offKey())).toHaveLength(1);
    });
  });
});
