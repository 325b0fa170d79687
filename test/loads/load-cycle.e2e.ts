import type { LoadDto, LoadEventDto, PourDto, QcTestDto } from '@pourline/contracts';
import { adminSession, type PourWorld } from '../support/factories';
import {
  advanceLoad,
  CLEAN_CYCLE,
  createCrew,
  createLoadWorld,
  createReadyPour,
  createTruck,
  DISPATCHER_NAME,
  getLoad,
  loadAt,
  type LoadCrew,
  minutesAgo,
  PASSING_SLUMP_MM,
  plantDay,
  pourLoads,
  QC_NAME,
  recordQcTest,
  scheduleLoad,
  SITE_NAME,
} from '../support/load-factories';
import { queryE2eDatabase } from '../support/live-support';

const MINUTE = 60_000;

describe('The truck cycle of a load', () => {
  let crew: LoadCrew;
  let world: PourWorld;

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
  });

  describe('a pour of five loads delivered clean', () => {
    let pour: PourDto;
    const delivered: LoadDto[] = [];
    const dayBefore = plantDay('Asia/Shanghai');
    let dayAfter: string;

    beforeAll(async () => {
      pour = await createReadyPour(crew, world);
      const [truckA, truckB] = await Promise.all([
        createTruck(crew.admin, world.plant.id),
        createTruck(crew.admin, world.plant.id),
      ]);
      // Two trucks take turns: a truck back at the plant is free for the next load.
      for (let index = 0; index < 5; index++) {
        const truck = index % 2 === 0 ? truckA : truckB;
        const load = await scheduleLoad(crew, pour, { truck, volumeM3: 10 });
        expect(load.status).toBe('scheduled');
        delivered.push(await advanceLoad(crew, load.id, 'back_at_plant', { siteSession: crew.site }));
      }
      dayAfter = plantDay('Asia/Shanghai');
    });

    it('ends with every load back at the plant, not rejected', () => {
      expect(delivered.map((load) => load.status)).toEqual(Array(5).fill('back_at_plant'));
      expect(delivered.every((load) => !load.rejected)).toBe(true);
    });

    it('counts the whole volume as delivered, nothing in transit or rejected', async () => {
      const { loads, volumes } = await pourLoads(crew.dispatcher, pour.id);
      expect(loads).toHaveLength(5);
      expect(volumes.plannedM3).toBeCloseTo(240.5, 6);
      expect(volumes.deliveredM3).toBeCloseTo(50, 6);
      expect(volumes.inTransitM3).toBeCloseTo(0, 6);
      expect(volumes.rejectedM3).toBeCloseTo(0, 6);
      expect(volumes.remainingM3).toBeCloseTo(190.5, 6);
      expect(volumes.unorderedM3).toBeCloseTo(190.5, 6);
    });

    it('numbers the tickets <plant code>-<plant-local day>-NNN, unique and increasing', async () => {
      const { loads } = await pourLoads(crew.dispatcher, pour.id);
      expect(loads.map((load) => load.id)).toEqual(delivered.map((load) => load.id));
      const tickets = delivered.map((load) => load.ticketNumber);
      expect(new Set(tickets).size).toBe(5);
      const pattern = new RegExp(`^${world.plant.code}-(\\d{8})-(\\d{3})$`);
      for (const ticket of tickets) {
        const match = pattern.exec(ticket);
        expect(match).not.toBeNull();
        expect([dayBefore, dayAfter]).toContain(match![1]);
      }
      const sequence = tickets.map((ticket) => Number(ticket.slice(-3)));
      expect(sequence).toEqual([1, 2, 3, 4, 5]);
    });

    it('keeps the queue in the order the loads were dispatched', async () => {
      const { loads } = await pourLoads(crew.dispatcher, pour.id);
      const positions = loads.map((load) => load.queuePosition);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
    });

    it('records every step of a load with who did it and when, oldest first', async () => {
      const answer = await crew.dispatcher.get<LoadEventDto[]>(`/loads/${delivered[0].id}/events`);
      expect(answer.status).toBe(200);
      const events = answer.body;
      expect(events[0]).toMatchObject({ fromStatus: null, toStatus: 'scheduled', actorName: DISPATCHER_NAME });
      const steps = events.slice(1).map((event) => `${event.fromStatus}->${event.toStatus}`);
      expect(steps).toEqual(CLEAN_CYCLE.slice(1).map((to, index) => `${CLEAN_CYCLE[index]}->${to}`));
      const times = events.map((event) => new Date(event.at).getTime());
      expect(times.every((time) => Number.isFinite(time))).toBe(true);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      const actorOf = (to: string) => events.find((event) => event.toStatus === to)?.actorName;
      expect(actorOf('loading')).toBe(DISPATCHER_NAME);
      expect(actorOf('released')).toBe(QC_NAME);
      expect(actorOf('on_site')).toBe(SITE_NAME);
      expect(actorOf('discharged')).toBe(SITE_NAME);
      expect(actorOf('back_at_plant')).toBe(DISPATCHER_NAME);
    });

    it('keeps the plant and the site test of each load, oldest first', async () => {
      const answer = await crew.dispatcher.get<QcTestDto[]>(`/loads/${delivered[4].id}/qc-tests`);
      expect(answer.status).toBe(200);
      expect(answer.body.map((test) => [test.stage, test.outcome, test.pass])).toEqual([
        ['plant', 'released', true],
        ['site', 'accepted', true],
      ]);
      expect(answer.body[0]).toMatchObject({ slumpMm: PASSING_SLUMP_MM, inspectorName: QC_NAME, reasons: [] });
      expect(answer.body[0].ruleSetVersion).toMatch(/^rs-/);
    });
  });

  describe('start of loading', () => {
    let pour: PourDto;

    beforeAll(async () => {
      pour = await createReadyPour(crew, world);
    });

    it('sets the batch time and a discharge deadline 90 minutes later, limited by age', async () => {
      const load = await scheduleLoad(crew, pour);
      const batchedAt = minutesAgo(10);
      const answer = await crew.dispatcher.post<LoadDto>(`/loads/${load.id}/start-loading`, { batchedAt });
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('loading');
      expect(new Date(answer.body.batchedAt!).getTime()).toBe(new Date(batchedAt).getTime());
      expect(new Date(answer.body.dischargeDeadline!).getTime()).toBe(new Date(batchedAt).getTime() + 90 * MINUTE);
      expect(answer.body.deadlineLimitedBy).toBe('max_age');
      expect(answer.body.minutesToDeadline).toBeGreaterThan(78);
      expect(answer.body.minutesToDeadline).toBeLessThanOrEqual(80);
    });

    it('takes the initial setting time less 30 minutes when that comes first', async () => {
      const quickSetting = await createReadyPour(crew, world, { initialSettingMinutes: 100 });
      const load = await scheduleLoad(crew, quickSetting);
      const batchedAt = minutesAgo(1);
      const answer = await crew.dispatcher.post<LoadDto>(`/loads/${load.id}/start-loading`, { batchedAt });
      expect(answer.status).toBe(200);
      expect(answer.body.deadlineLimitedBy).toBe('initial_setting');
      expect(new Date(answer.body.dischargeDeadline!).getTime()).toBe(new Date(batchedAt).getTime() + 70 * MINUTE);
    });

    it('defaults the batch time to now', async () => {
      const load = await scheduleLoad(crew, pour);
      const before = Date.now();
      const answer = await crew.dispatcher.post<LoadDto>(`/loads/${load.id}/start-loading`, {});
      expect(answer.status).toBe(200);
      const batchedAt = new Date(answer.body.batchedAt!).getTime();
      expect(batchedAt).toBeGreaterThanOrEqual(before - 5_000);
      expect(batchedAt).toBeLessThanOrEqual(Date.now() + 5_000);
    });
  });

  describe('illegal transitions', () => {
    let pour: PourDto;

    beforeAll(async () => {
      pour = await createReadyPour(crew, world);
    });

    it.each([
      ['arrive', 'scheduled'],
      ['depart', 'scheduled'],
      ['send-to-qc', 'scheduled'],
      ['start-discharge', 'scheduled'],
      ['end-discharge', 'scheduled'],
      ['leave-site', 'scheduled'],
      ['back-at-plant', 'scheduled'],
    ])('refuses %s on a %s load with 409 naming its state, and leaves it as it was', async (action, state) => {
      const load = await scheduleLoad(crew, pour);
      const answer = await crew.dispatcher.post(`/loads/${load.id}/${action}`, {});
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain(state);
      const after = await getLoad(crew.dispatcher, load.id);
      expect(after.status).toBe(state);
      const events = await crew.dispatcher.get<LoadEventDto[]>(`/loads/${load.id}/events`);
      expect(events.body.filter((event) => event.fromStatus !== null)).toEqual([]);
    });

    it('refuses to load a load twice', async () => {
      const load = await loadAt(crew, pour, 'loading');
      const answer = await crew.dispatcher.post(`/loads/${load.id}/start-loading`, {});
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain('loading');
    });

    it('refuses arrival of a load still at the plant QC, and departure before release', async () => {
      const load = await loadAt(crew, pour, 'plant_qc');
      const arrive = await crew.dispatcher.post(`/loads/${load.id}/arrive`, {});
      expect(arrive.status).toBe(409);
      expect(arrive.body.message).toContain('plant_qc');
      const depart = await crew.dispatcher.post(`/loads/${load.id}/depart`, {});
      expect(depart.status).toBe(409);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('plant_qc');
    });

    it('refuses discharge on site before an accepted site test', async () => {
      const load = await loadAt(crew, pour, 'on_site');
      const answer = await crew.dispatcher.post(`/loads/${load.id}/start-discharge`, {});
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('site_test_missing');
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('on_site');
    });

    it('treats back at the plant as final', async () => {
      const load = await loadAt(crew, pour, 'back_at_plant');
      for (const action of ['depart', 'arrive', 'back-at-plant', 'start-loading']) {
        const answer = await crew.dispatcher.post(`/loads/${load.id}/${action}`, {});
        expect(answer.status).toBe(409);
        expect(answer.body.message).toContain('back_at_plant');
      }
      const cancel = await crew.dispatcher.post(`/loads/${load.id}/cancel`, { reason: 'customer called it off' });
      expect(cancel.status).toBe(409);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('back_at_plant');
    });

    it('cancels a scheduled load with a reason, and the cancelled load stays cancelled', async () => {
      const load = await scheduleLoad(crew, pour);
      const short = await crew.dispatcher.post(`/loads/${load.id}/cancel`, { reason: 'no' });
      expect(short.status).toBe(400);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('scheduled');
      const answer = await crew.dispatcher.post(`/loads/${load.id}/cancel`, { reason: 'site asked to hold the pour' });
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('cancelled');
      const again = await crew.dispatcher.post(`/loads/${load.id}/start-loading`, {});
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('cancelled');
    });
  });

  describe('the age of concrete', () => {
    let pour: PourDto;

    beforeAll(async () => {
      pour = await createReadyPour(crew, world);
    });

    it('holds at the plant a load batched 100 minutes ago, and it cannot depart or be overridden out', async () => {
      const load = await loadAt(crew, pour, 'plant_qc', { batchedAt: minutesAgo(100) });
      expect(load.minutesToDeadline).toBeLessThan(-9);
      expect(load.deadlineLimitedBy).toBe('max_age');

      const test = await recordQcTest(crew.qc, load.id, {
        stage: 'plant',
        slumpMm: PASSING_SLUMP_MM,
        temperatureC: 20,
      });
      expect(test.status).toBe(201);
      expect(test.body.pass).toBe(false);
      expect(test.body.outcome).toBe('held');
      expect(test.body.reasons.map((reason: { code: string }) => reason.code)).toEqual(['past_discharge_deadline']);
      expect(test.body.minutesSinceBatch).toBeGreaterThanOrEqual(99);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('held');

      const depart = await crew.dispatcher.post(`/loads/${load.id}/depart`, {});
      expect(depart.status).toBe(409);
      expect(depart.body.message).toContain('held');

      const override = await crew.qc.post(`/qc-tests/${test.body.id}/override`, {
        reason: 'slump is fine, send it anyway',
      });
      expect(override.status).toBe(409);
      expect(override.body.code).toBe('past_deadline');
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('held');
      const tests = await crew.qc.get<QcTestDto[]>(`/loads/${load.id}/qc-tests`);
      expect(tests.body[0].override).toBeNull();
    });

    it('refuses to send out a released load once its deadline passes, and flags a late arrival for QC', async () => {
      // Both loads pass the plant test in time and one leaves; then their concrete is aged
      // in the database past the deadline, rather than the test waiting for it to pass.
      const batchedAt = new Date(Date.now() - 80 * MINUTE).toISOString();
      const leaving = await loadAt(crew, pour, 'en_route', { batchedAt });
      const waiting = await loadAt(crew, pour, 'released', { batchedAt });
      await queryE2eDatabase(
        `UPDATE loads SET batched_at = batched_at - interval '15 minutes',
                          discharge_deadline = discharge_deadline - interval '15 minutes'
          WHERE id = ANY($1::uuid[])`,
        [[leaving.id, waiting.id]],
      );

      const depart = await crew.dispatcher.post(`/loads/${waiting.id}/depart`, {});
      expect(depart.status).toBe(409);
      expect(depart.body.code).toBe('past_deadline');
      expect((await getLoad(crew.dispatcher, waiting.id)).status).toBe('released');

      const arrive = await crew.dispatcher.post<LoadDto>(`/loads/${leaving.id}/arrive`, {});
      expect(arrive.status).toBe(200);
      expect(arrive.body.status).toBe('on_site');
      expect(arrive.body.flaggedForQc).toBe(true);
      expect(arrive.body.minutesToDeadline).toBeLessThanOrEqual(0);
    });
  });
});
