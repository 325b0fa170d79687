import type { LoadDto, PlantQueueDto, PlantTimelineDto, PourDispatchDto, PourLogDto } from '@pourline/contracts';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { adminSession, createUser, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import {
  connectReady,
  createTrackedTruck,
  type LiveRecorder,
  PLANT,
  sendFix,
  SITE,
  type TrackedTruck,
  waitFor,
} from '../support/live-support';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createPlantWith,
  createReadyPour,
  createTruck,
  DISPATCHER_NAME,
  type LoadCrew,
  pourLoads,
  scheduleLoad,
} from '../support/load-factories';
import { DispatchHost } from './dispatch-host';

const MINUTE = 60_000;
/** Hours behind the wall clock: every step the fleet records is in the past, as the API allows. */
const T0 = new Date(Math.floor((Date.now() - 14 * 3_600_000) / MINUTE) * MINUTE);
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

/** Alerts are stored when the relay numbers their event: wait for the count. */
const waitForAlerts = (read: () => Promise<any[]>, count: number) =>
  waitFor('the alerts', async () => {
    const alerts = await read();
    return alerts.length >= count ? alerts : undefined;
  });

/**
 * The dispatch plan end to end, on an API of its own whose clock the test
 * sets: proposals paced to the pour's rhythm, accepted or overridden by a
 * dispatcher, and the auto switch feeding a pour while the day moves on.
 */
describe('Dispatch: the pour’s rhythm drives the plant', () => {
  let database: string;
  let host: DispatchHost;
  let crew: LoadCrew;
  let admin: Http;
  let console: LiveRecorder;
  const savedUrl = process.env.POURLINE_API_URL;

  const dispatchOf = async (pourId: string): Promise<PourDispatchDto> => {
    const answer = await crew.dispatcher.get<PourDispatchDto>(`/pours/${pourId}/dispatch`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    database = await createDatabase('pourline_dispatch');
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

  describe('proposals accepted and overridden by hand', () => {
    let world: PourWorld;
    let pourId: string;
    let first: PourDispatchDto;

    beforeAll(async () => {
      world = await createLoadWorld(admin, crew);
      // A truck's round trip (loading, the road both ways, discharge) is about an hour: four keep a 15-minute rhythm.
      for (let i = 0; i < 4; i++) await createTruck(admin, world.plant.id, 10);
      const pour = await createReadyPour(crew, world, {
        scheduledStart: at(60).toISOString(),
        volumeM3: 40,
        pourRateM3PerHour: 40,
        truckCount: 4,
        initialSettingMinutes: 240,
      });
      pourId = pour.id;
      first = await dispatchOf(pourId);
    });

    it('paces the pour to its plan: 10 m³ at 40 m³/h is a truck every 15 minutes', () => {
      expect(first.rhythm).toMatchObject({ rateSource: 'plan', targetIntervalMinutes: 15, coldJointLimitMinutes: 210 });
      expect(first.travel).toMatchObject({ basis: 'route_length', trips: 0 });
      expect(first.auto).toBe(false);
    });

    it('proposes the whole volume, each truck at the pump as the one before finishes', () => {
      expect(first.proposals).toHaveLength(4);
      expect(first.proposals.reduce((sum, proposal) => sum + proposal.volumeM3, 0)).toBeCloseTo(40, 6);
      for (let i = 1; i < first.proposals.length; i++) {
        const gapMinutes =
          (Date.parse(first.proposals[i].dischargeStartAt) - Date.parse(first.proposals[i - 1].dischargeEndAt)) /
          MINUTE;
        expect(gapMinutes).toBeCloseTo(0, 3);
      }
      // The first discharge starts at the planned start, loading a trip and the plant's minutes before.
      expect(Date.parse(first.proposals[0].dischargeStartAt)).toBe(at(60).getTime());
      expect(first.rhythm.coldJointRisk).toBe(false);
      expect(first.planStatus).toBe('complete');
    });

    it('accepting a proposal creates the load with its truck, announced live', async () => {
      const proposal = first.proposals[0];
      const answer = await crew.dispatcher.post<LoadDto>(`/pours/${pourId}/dispatch/accept`, { key: proposal.key });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        status: 'scheduled',
        truckId: proposal.truckId,
        volumeM3: proposal.volumeM3,
      });
      await console.waitForEvent(
        'the decision',
        (item) => item.name === 'dispatch.decision.v1' && item.data.payload.loadId === answer.body.id,
      );
      await console.waitForEvent(
        'the new load',
        (item) => item.name === 'load.changed.v1' && item.data.payload.id === answer.body.id,
      );
      const after = await dispatchOf(pourId);
      expect(after.decisions[0]).toMatchObject({ kind: 'accepted', byName: DISPATCHER_NAME, loadId: answer.body.id });
      expect(after.proposals).toHaveLength(3);
      expect(after.proposals.reduce((sum, next) => sum + next.volumeM3, 0)).toBeCloseTo(30, 6);
    });

    it('an edited proposal is an override: refused without a reason, kept with who and why', async () => {
      const { proposals } = await dispatchOf(pourId);
      const edit = { key: proposals[0].key, volumeM3: 8 };
      const refused = await crew.dispatcher.post(`/pours/${pourId}/dispatch/accept`, edit);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('override_needs_reason');
      const reason = 'Site asked for a short load to test the new pump line';
      const answer = await crew.dispatcher.post<LoadDto>(`/pours/${pourId}/dispatch/accept`, { ...edit, reason });
      expect(answer.status).toBe(201);
      expect(answer.body.volumeM3).toBe(8);
      const { decisions } = await dispatchOf(pourId);
      expect(decisions[0]).toMatchObject({ kind: 'overridden', reason, byName: DISPATCHER_NAME });
      expect(decisions[0].proposed?.volumeM3).toBe(10);
      expect(decisions[0].chosen.volumeM3).toBe(8);
    });

    it('refuses a stale proposal, unknown fields and other roles, and changes nothing', async () => {
      const before = (await pourLoads(crew.dispatcher, pourId)).loads.length;
      const stale = await crew.dispatcher.post(`/pours/${pourId}/dispatch/accept`, { key: `${pourId}:99` });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('proposal_gone');
      const { proposals } = await dispatchOf(pourId);
      const extra = await crew.dispatcher.post(`/pours/${pourId}/dispatch/accept`, { key: proposals[0].key, tip: 1 });
      expect(extra.status).toBe(400);
      const operator = await createUser(admin, 'plant_operator');
      const forbidden = await operator.session.post(`/pours/${pourId}/dispatch/accept`, { key: proposals[0].key });
      expect(forbidden.status).toBe(403);
      const limit = await crew.dispatcher.patch(`/pours/${pourId}/dispatch`, { coldJointLimitMinutes: -5 });
      expect(limit.status).toBe(400);
      expect((await pourLoads(crew.dispatcher, pourId)).loads.length).toBe(before);
    });

    it('the plant’s control room queue and loading timeline show the accepted plan', async () => {
      const queue = await crew.dispatcher.get<PlantQueueDto>(`/plants/${world.plant.id}/queue`);
      expect(queue.status).toBe(200);
      const planned = queue.body.outbound.filter((item) => item.plannedLoadAt !== null);
      expect(planned).toHaveLength(2);
      const timeline = await crew.dispatcher.get<PlantTimelineDto>(`/plants/${world.plant.id}/timeline`);
      expect(timeline.status).toBe(200);
      expect(timeline.body.slots.filter((slot) => slot.kind === 'load')).toHaveLength(2);
      expect(timeline.body.slots.filter((slot) => slot.kind === 'proposal').length).toBeGreaterThan(0);
    });

    it('an override may load at another plant at another time: the ticket is that plant’s, the log says what changed', async () => {
      const other = await createPlantWith(admin);
      const { proposals } = await dispatchOf(pourId);
      const proposal = proposals[0];
      const loadAt = new Date(Date.parse(proposal.loadAt) + 20 * MINUTE).toISOString();
      const reason = 'Our mixer is down for cleaning: the north plant loads this one';
      const unknown = await crew.dispatcher.post(`/pours/${pourId}/dispatch/accept`, {
        key: proposal.key,
        plantId: '00000000-0000-4000-8000-000000000000',
        reason,
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('unknown_reference');
      const past = await crew.dispatcher.post(`/pours/${pourId}/dispatch/accept`, {
        key: proposal.key,
        loadAt: new Date(Date.parse(first.generatedAt) - 60 * MINUTE).toISOString(),
        reason,
      });
      expect(past.status).toBe(400);
      expect(past.body.code).toBe('load_time_past');
      const bare = await crew.dispatcher.post(`/pours/${pourId}/dispatch/accept`, {
        key: proposal.key,
        plantId: other.id,
      });
      expect(bare.status).toBe(400);
      expect(bare.body.code).toBe('override_needs_reason');
      const answer = await crew.dispatcher.post<LoadDto>(`/pours/${pourId}/dispatch/accept`, {
        key: proposal.key,
        plantId: other.id,
        loadAt,
        reason,
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ plantId: other.id, truckId: proposal.truckId });
      expect(answer.body.ticketNumber.startsWith(`${other.code}-`)).toBe(true);
      const { decisions } = await dispatchOf(pourId);
      expect(decisions[0]).toMatchObject({ kind: 'overridden', reason, byName: DISPATCHER_NAME });
      expect(decisions[0].proposed).toMatchObject({ plantId: world.plant.id, plantCode: world.plant.code });
      expect(decisions[0].chosen).toMatchObject({ plantId: other.id, plantCode: other.code, loadAt });
      const queue = await crew.dispatcher.get<PlantQueueDto>(`/plants/${other.id}/queue`);
      const queued = queue.body.outbound.find((item) => item.load.id === answer.body.id);
      expect(queued?.plannedLoadAt).toBe(loadAt);
      const log = await crew.dispatcher.get<PourLogDto>(`/pours/${pourId}/log?pageSize=200`);
      const entry = log.body.items.find(
        (item) => item.code === 'dispatch.overridden' && item.params.ticket === answer.body.ticketNumber,
      );
      expect(entry).toMatchObject({
        by: { name: DISPATCHER_NAME },
        params: { plant: other.code, loadAt, note: reason },
      });
      expect([...entry!.params.changed!].sort()).toEqual(['loadAt', 'plant']);
    });

    it('a stricter cold-joint limit is the pour’s own, announced live', async () => {
      const answer = await crew.dispatcher.patch<PourDispatchDto>(`/pours/${pourId}/dispatch`, {
        coldJointLimitMinutes: 45,
      });
      expect(answer.status).toBe(200);
      expect(answer.body.coldJointLimitMinutes).toBe(45);
      expect(answer.body.rhythm.coldJointLimitMinutes).toBe(45);
      await console.waitForEvent(
        'the settings',
        (item) => item.name === 'dispatch.settings.v1' && item.data.payload.coldJointLimitMinutes === 45,
      );
    });
  });

  describe('the auto switch feeds a pour as the day moves on', () => {
    let pourId: string;
    const RATE = 40;

    beforeAll(async () => {
      const world = await createLoadWorld(admin, crew);
      for (let i = 0; i < 5; i++) await createTruck(admin, world.plant.id, 10);
      const pour = await createReadyPour(crew, world, {
        scheduledStart: at(60).toISOString(),
        volumeM3: 60,
        pourRateM3PerHour: RATE,
        truckCount: 5,
        initialSettingMinutes: 180,
      });
      pourId = pour.id;
      await host.setClock(at(0));
      const answer = await crew.dispatcher.patch<PourDispatchDto>(`/pours/${pourId}/dispatch`, { auto: true });
      expect(answer.status).toBe(200);
      expect(answer.body.auto).toBe(true);
      const { travel } = answer.body;
      for (let minute = 0; minute <= 240; minute++) {
        await host.setClock(at(minute));
        await host.tick();
        await host.fleet(pourId, travel.minutes, RATE);
        const { volumes } = await pourLoads(crew.dispatcher, pourId);
        if (volumes.deliveredM3 >= 60 - 1e-6) break;
      }
    }, 600_000);

    it('orders every load itself, in its own name, until the volume is in', async () => {
      const { loads, volumes } = await pourLoads(crew.dispatcher, pourId);
      expect(volumes.deliveredM3).toBeCloseTo(60, 6);
      const { decisions } = await dispatchOf(pourId);
      expect(decisions.map((decision) => decision.kind)).toEqual(loads.map(() => 'auto'));
      expect(new Set(decisions.map((decision) => decision.byName))).toEqual(new Set(['Auto dispatch']));
    });

    it('keeps the pump fed: no discharge waits on a truck longer than the clock’s step', async () => {
      const { loads } = await pourLoads(crew.dispatcher, pourId);
      const discharges = await Promise.all(
        loads.map(async (load) => {
          const events = (await crew.dispatcher.get(`/loads/${load.id}/events`)).body as {
            toStatus: string;
            at: string;
          }[];
          const time = (status: string) => Date.parse(events.find((event) => event.toStatus === status)!.at);
          return { start: time('discharging'), end: time('discharged') };
        }),
      );
      discharges.sort((a, b) => a.start - b.start);
      const gaps = discharges.slice(1).map((discharge, i) => (discharge.start - discharges[i].end) / MINUTE);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(2);
      // The first concrete reaches the pump within a few minutes of the planned start.
      expect(Math.abs(discharges[0].start - at(60).getTime()) / MINUTE).toBeLessThanOrEqual(3);
    });

    it('raises no cold-joint or starvation alert for the pour it fed', async () => {
      const alerts = (await crew.dispatcher.get('/alerts')).body as { type: string; payload: any }[];
      const ofPour = alerts.filter((alert) => alert.type === 'dispatch.alert.v1' && alert.payload.pourId === pourId);
      expect(ofPour.map((alert) => alert.payload.kind)).not.toContain('cold_joint_risk');
      expect(ofPour.map((alert) => alert.payload.kind)).not.toContain('pump_starvation');
    });

    it('announces the switch and each load it ordered in the pour’s log', async () => {
      const log = await crew.dispatcher.get<PourLogDto>(`/pours/${pourId}/log?pageSize=200`);
      expect(log.status).toBe(200);
      const codes = log.body.items.map((entry) => entry.code);
      expect(codes).toContain('dispatch.auto_on');
      expect(codes.filter((code) => code === 'dispatch.auto_load')).toHaveLength(6);
      // Every load it ordered, by ticket and truck, in the auto-dispatch account's name.
      const { loads } = await pourLoads(crew.dispatcher, pourId);
      const announced = log.body.items.filter((entry) => entry.code === 'dispatch.auto_load');
      expect(announced.map((entry) => entry.params.ticket).sort()).toEqual(
        loads.map((load) => load.ticketNumber).sort(),
      );
      expect(new Set(announced.map((entry) => entry.by.name))).toEqual(new Set(['Auto dispatch']));
      for (const entry of announced) expect(entry.params.truck).toBeTruthy();
    });

    it('learns the road from the trips it made', async () => {
      const { travel } = await dispatchOf(pourId);
      expect(travel.basis).not.toBe('route_length');
      expect(travel.trips).toBeGreaterThanOrEqual(3);
    });
  });

  describe('flow alerts: raised once, acknowledged, resolved by themselves', () => {
    let pourId: string;
    let startAt: Date;
    const alertsOf = async () =>
      ((await crew.dispatcher.get('/alerts')).body as any[]).filter(
        (alert) => alert.type === 'dispatch.alert.v1' && alert.payload.key === `late_start:${pourId}`,
      );

    beforeAll(async () => {
      const world = await createLoadWorld(admin, crew);
      await createTruck(admin, world.plant.id, 10);
      startAt = at(400);
      pourId = (await createReadyPour(crew, world, { scheduledStart: startAt.toISOString(), volumeM3: 20 })).id;
      await host.setClock(new Date(startAt.getTime() - 30 * MINUTE));
      await host.tick();
    });

    it('raises nothing while the pour may still start on time', async () => {
      await host.setClock(new Date(startAt.getTime() + 15 * MINUTE));
      await host.tick();
      expect(await alertsOf()).toEqual([]);
    });

    it('raises a late start once, however often it looks', async () => {
      await host.setClock(new Date(startAt.getTime() + 16 * MINUTE));
      const first = await host.tick();
      expect(first.raised).toBeGreaterThanOrEqual(1);
      await host.setClock(new Date(startAt.getTime() + 20 * MINUTE));
      await host.tick();
      await console.waitForEvent(
        'the alert',
        (item) => item.name === 'dispatch.alert.v1' && item.data.payload.key === `late_start:${pourId}`,
      );
      const alerts = await waitForAlerts(alertsOf, 1);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ resolvedAt: null, acknowledgement: null });
      expect(alerts[0].payload).toMatchObject({ kind: 'late_start', pourId, facts: { minutes: 16 } });
      expect(alerts[0].summary).toContain('not started 16 min after its planned start');
    });

    it('is acknowledged with a note, once', async () => {
      const [alert] = await alertsOf();
      const note = 'Called the site: the pump arrives in ten minutes';
      const answer = await crew.dispatcher.post(`/alerts/${alert.seq}/acknowledge`, { note });
      expect(answer.status).toBe(200);
      expect(answer.body.acknowledgement).toMatchObject({ note, byName: DISPATCHER_NAME });
      const again = await crew.dispatcher.post(`/alerts/${alert.seq}/acknowledge`, { note });
      expect(again.status).toBe(409);
    });

    it('resolves by itself when its cause ends, and leaves the open list', async () => {
      const hold = await crew.dispatcher.post(`/pours/${pourId}/dispatch-hold`, {
        reason: 'Site closed by the police',
      });
      expect([200, 201]).toContain(hold.status);
      await host.setClock(new Date(startAt.getTime() + 21 * MINUTE));
      const beat = await host.tick();
      expect(beat.resolved).toBeGreaterThanOrEqual(1);
      await console.waitForEvent(
        'the resolution',
        (item) => item.name === 'dispatch.alert_resolved.v1' && item.data.payload.key === `late_start:${pourId}`,
      );
      const [alert] = await waitFor('the alert resolved', async () => {
        const alerts = await alertsOf();
        return alerts[0]?.resolvedAt ? alerts : undefined;
      });
      expect(Date.parse(alert.resolvedAt)).toBeGreaterThan(Date.parse(alert.at));
      const open = (await crew.dispatcher.get('/alerts?open=true')).body as any[];
      expect(open.map((item) => item.seq)).not.toContain(alert.seq);
    });
  });

  describe('pump starvation: raised when no truck is due, resolved when one is', () => {
    let pourId: string;
    let travelMinutes: number;
    let minute = 440;
    const RATE = 40;
    const starvation = async () =>
      ((await crew.dispatcher.get('/alerts')).body as any[]).filter(
        (alert) => alert.type === 'dispatch.alert.v1' && alert.payload.key === `pump_starvation:${pourId}`,
      );
    const acceptNext = async () => {
      const { proposals } = await dispatchOf(pourId);
      const answer = await crew.dispatcher.post(`/pours/${pourId}/dispatch/accept`, { key: proposals[0].key });
      expect(answer.status).toBe(201);
    };
    /** Moves the day on a minute at a time until `done` says so. */
    const runUntil = async (done: () => Promise<boolean>, limitMinutes = 90) => {
      for (let step = 0; step < limitMinutes; step++) {
        minute += 1;
        await host.setClock(at(minute));
        await host.tick();
        await host.fleet(pourId, travelMinutes, RATE);
        if (await done()) return;
      }
      throw new Error(`not done within ${limitMinutes} minutes`);
    };

    beforeAll(async () => {
      const world = await createLoadWorld(admin, crew);
      for (let i = 0; i < 4; i++) await createTruck(admin, world.plant.id, 10);
      await host.setClock(at(minute));
      pourId = (
        await createReadyPour(crew, world, {
          scheduledStart: at(minute + 35).toISOString(),
          volumeM3: 30,
          pourRateM3PerHour: RATE,
          truckCount: 4,
        })
      ).id;
      travelMinutes = (await dispatchOf(pourId)).travel.minutes;
      await acceptNext();
    });

    it('raises it once the only truck has discharged and none is on its way', async () => {
      await runUntil(async () => {
        const { loads } = await pourLoads(crew.dispatcher, pourId);
        return loads[0].status === 'returning';
      });
      await host.tick();
      await host.tick();
      const alerts = await waitForAlerts(starvation, 1);
      expect(alerts).toHaveLength(1);
      expect(alerts[0].payload.facts).toEqual({ intervalMinutes: 15 });
    });

    it('is acknowledged with a note, and stays open until its cause ends', async () => {
      const [alert] = await starvation();
      const note = 'Ordering the next truck now';
      const answer = await crew.dispatcher.post(`/alerts/${alert.seq}/acknowledge`, { note });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ acknowledgement: { note, byName: DISPATCHER_NAME }, resolvedAt: null });
    });

    it('resolves it once the next truck is due within the interval', async () => {
      await acceptNext();
      await runUntil(async () => (await starvation())[0]?.resolvedAt !== null);
      const alerts = await starvation();
      expect(alerts).toHaveLength(1);
      const { loads } = await pourLoads(crew.dispatcher, pourId);
      // The truck that ended it is on its way, within one interval of the pump.
      expect(loads.map((load) => load.status)).toContain('en_route');
    });
  });
  describe('learns the road from the trucks’ tracks, over the steps people recorded', () => {
    let pourId: string;
    let trucks: TrackedTruck[];
    let minute = 620;
    /** Drivers press "arrived" at the pump, minutes after their truck passed the site's gate. */
    const STEP_TRAVEL_MINUTES = 20;
    const TRACK_TRAVEL_MINUTES = 12;

    beforeAll(async () => {
      const world = await createLoadWorld(admin, crew);
      trucks = [];
      for (let i = 0; i < 3; i++) trucks.push(await createTrackedTruck(admin, world.plant.id));
      await host.setClock(at(minute));
      pourId = (
        await createReadyPour(crew, world, {
          scheduledStart: at(minute + 40).toISOString(),
          volumeM3: 48,
          pourRateM3PerHour: 40,
          truckCount: 3,
        })
      ).id;
      for (let i = 0; i < 3; i++) {
        const { proposals } = await dispatchOf(pourId);
        const answer = await crew.dispatcher.post(`/pours/${pourId}/dispatch/accept`, { key: proposals[0].key });
        expect(answer.status).toBe(201);
      }
      for (let step = 0; step < 240; step++) {
        minute += 1;
        await host.setClock(at(minute));
        await host.fleet(pourId, STEP_TRAVEL_MINUTES, 40);
        const { loads } = await pourLoads(crew.dispatcher, pourId);
        if (loads.every((load) => load.status === 'back_at_plant')) break;
      }
      await host.tick();
    }, 300_000);

    it('without positions, the road is what the steps recorded', async () => {
      const { travel } = await dispatchOf(pourId);
      expect(travel).toMatchObject({ minutes: STEP_TRAVEL_MINUTES, trips: 3, fromPositions: 0 });
      expect(travel.basis).not.toBe('route_length');
    });

    it('once the trackers upload their tracks, the road is the median of the tracked trips', async () => {
      const { loads } = await pourLoads(crew.dispatcher, pourId);
      expect(loads).toHaveLength(3);
      for (const load of loads) {
        const events = (await crew.dispatcher.get(`/loads/${load.id}/events`)).body as {
          toStatus: string;
          at: string;
        }[];
        const departed = Date.parse(events.find((event) => event.toStatus === 'en_route')!.at);
        const truck = trucks.find((candidate) => candidate.id === load.truckId)!;
        const track: [number, { lat: number; lng: number }, number][] = [
          [-10, PLANT, 0],
          [-1, PLANT, 5],
          [1, { lat: 31.9, lng: 118.815 }, 40],
          [7, { lat: 31.925, lng: 118.835 }, 45],
          [TRACK_TRAVEL_MINUTES, SITE, 15],
          [TRACK_TRAVEL_MINUTES + 6, SITE, 0],
        ];
        for (const [offset, where, speedKmh] of track) {
          await sendFix(truck.deviceId, { ...where, speedKmh, at: new Date(departed + offset * MINUTE) }, host.baseUrl);
        }
      }
      minute += 1;
      await host.setClock(at(minute));
      await host.tick();
      const { travel } = await dispatchOf(pourId);
      // Left the plant's fence a minute after the recorded departure, inside the site's eleven minutes later.
      expect(travel).toMatchObject({ minutes: TRACK_TRAVEL_MINUTES - 1, trips: 3, fromPositions: 3 });
    });
  });
  describe('a truck still out for a pour the planner no longer plans', () => {
    const minute = 780;

    it('is not proposed for the next pour before it can be back', async () => {
      const world = await createLoadWorld(admin, crew);
      const truck = await createTruck(admin, world.plant.id, 10);
      await host.setClock(at(minute));
      const finished = await createReadyPour(crew, world, {
        scheduledStart: at(minute - 300).toISOString(),
        volumeM3: 10,
        pourRateM3PerHour: 40,
      });
      const out = await scheduleLoad(crew, finished, { truck });
      await advanceLoad(crew, out.id, 'returning');
      const completed = await crew.dispatcher.post(`/pours/${finished.id}/status`, { status: 'completed' });
      expect(completed.status).toBe(200);
      const next = await createReadyPour(crew, world, {
        scheduledStart: at(minute + 30).toISOString(),
        volumeM3: 10,
        pourRateM3PerHour: 40,
      });
      const { proposals } = await dispatchOf(next.id);
      expect(proposals[0]?.truckId).toBe(truck.id);
      // Its load belongs to a completed pour: the planner takes it to be back in an hour, not free now.
      expect(Date.parse(proposals[0].loadAt)).toBeGreaterThanOrEqual(at(minute + 60).getTime());
    });
  });
});
