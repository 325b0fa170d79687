import { randomUUID } from 'node:crypto';
import type { LoadDto, PourDto, QcTestDto } from '@pourline/contracts';
import { adminSession, createPour, type PourWorld } from '../support/factories';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  createTruck,
  getLoad,
  loadAt,
  type LoadCrew,
  PASSING_SLUMP_MM,
  pourLoads,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';

describe('Load and QC input validation', () => {
  let crew: LoadCrew;
  let world: PourWorld;
  let pour: PourDto;

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
    pour = await createReadyPour(crew, world);
  });

  const testsOf = async (loadId: string) => (await crew.qc.get<QcTestDto[]>(`/loads/${loadId}/qc-tests`)).body;
  const loadCount = async (pourId: string) => (await pourLoads(crew.dispatcher, pourId)).loads.length;

  describe('QC test readings', () => {
    let load: LoadDto;

    beforeAll(async () => {
      load = await loadAt(crew, pour, 'plant_qc');
    });

    it.each([
      ['a negative slump', { slumpMm: -10 }, 'slumpMm'],
      ['a slump given as text', { slumpMm: '180mm' }, 'slumpMm'],
      ['no slump at all', { slumpMm: undefined }, 'slumpMm'],
      ['a temperature of −40 °C', { temperatureC: -40 }, 'temperatureC'],
      ['a temperature of 95 °C', { temperatureC: 95 }, 'temperatureC'],
      ['an air content of −1 %', { airPercent: -1 }, 'airPercent'],
      ['an air content of 45 %', { airPercent: 45 }, 'airPercent'],
      ['an unknown stage', { stage: 'truck' }, 'stage'],
      ['a check test of a malformed id', { checkTestOf: 'test-1' }, 'checkTestOf'],
    ])('refuses %s with 400 naming the field, and records nothing', async (_case, override, field) => {
      const answer = await crew.qc.post(`/loads/${load.id}/qc-tests`, {
        stage: 'plant',
        slumpMm: PASSING_SLUMP_MM,
        temperatureC: 20,
        ...override,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain(field);
      expect(await testsOf(load.id)).toEqual([]);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('plant_qc');
    });

    it('refuses a slump the cone cannot show with 400 in words, and records no failed test', async () => {
      const answer = await crew.qc.post(`/loads/${load.id}/qc-tests`, {
        stage: 'plant',
        slumpMm: 450,
        temperatureC: 20,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain('slump 450 mm cannot be read on the cone');
      expect(await testsOf(load.id)).toEqual([]);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('plant_qc');
    });
  });

  describe('tests on a load in the wrong state', () => {
    it('refuses a plant test on a scheduled load with 409 naming its state', async () => {
      const load = await scheduleLoad(crew, pour);
      const answer = await recordQcTest(crew.qc, load.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM });
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain('scheduled');
      expect(await testsOf(load.id)).toEqual([]);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('scheduled');
    });

    it('refuses a plant test on a load still loading', async () => {
      const load = await loadAt(crew, pour, 'loading');
      const answer = await recordQcTest(crew.qc, load.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM });
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain('loading');
    });

    it('refuses a site test on a load on the road, and a plant test on one on site', async () => {
      const onRoad = await loadAt(crew, pour, 'en_route');
      const site = await recordQcTest(crew.qc, onRoad.id, { stage: 'site', slumpMm: PASSING_SLUMP_MM });
      expect(site.status).toBe(409);
      expect(site.body.message).toContain('en_route');
      const onSite = await loadAt(crew, pour, 'on_site');
      const plant = await recordQcTest(crew.qc, onSite.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM });
      expect(plant.status).toBe(409);
      expect(plant.body.message).toContain('on_site');
      expect((await testsOf(onSite.id)).map((test) => test.stage)).toEqual(['plant']);
      expect((await getLoad(crew.dispatcher, onSite.id)).status).toBe('on_site');
    });
  });

  describe('load volume', () => {
    it('refuses a volume above the truck’s capacity with 409, and creates nothing', async () => {
      const truck = await createTruck(crew.admin, world.plant.id, 8);
      const before = await loadCount(pour.id);
      const answer = await crew.dispatcher.post(`/pours/${pour.id}/loads`, { truckId: truck.id, volumeM3: 8.5 });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('volume_exceeds_capacity');
      expect(await loadCount(pour.id)).toBe(before);
      const full = await crew.dispatcher.post(`/pours/${pour.id}/loads`, { truckId: truck.id, volumeM3: 8 });
      expect(full.status).toBe(201);
    });

    it('refuses a truck assignment the load would overfill', async () => {
      const small = await createTruck(crew.admin, world.plant.id, 6);
      const load = await scheduleLoad(crew, pour, { truck: null, volumeM3: 10 });
      const answer = await crew.dispatcher.patch(`/loads/${load.id}/truck`, { truckId: small.id });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('volume_exceeds_capacity');
      expect((await getLoad(crew.dispatcher, load.id)).truckId).toBeNull();
    });

    it.each([
      ['zero', 0],
      ['negative', -3],
    ])('refuses a %s volume with 400', async (_case, volumeM3) => {
      const before = await loadCount(pour.id);
      const answer = await crew.dispatcher.post(`/pours/${pour.id}/loads`, { truckId: null, volumeM3 });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain('volumeM3');
      expect(await loadCount(pour.id)).toBe(before);
    });

    it('refuses a load beyond the pour’s unordered volume unless an over-order reason is given', async () => {
      const small = await createReadyPour(crew, world, { volumeM3: 20 });
      await scheduleLoad(crew, small, { volumeM3: 12 });
      expect((await pourLoads(crew.dispatcher, small.id)).volumes.unorderedM3).toBeCloseTo(8, 6);

      const truck = await createTruck(crew.admin, world.plant.id);
      const over = await crew.dispatcher.post(`/pours/${small.id}/loads`, { truckId: truck.id, volumeM3: 10 });
      expect(over.status).toBe(409);
      expect(over.body.code).toBe('volume_exceeds_remaining');
      expect(await loadCount(small.id)).toBe(1);

      const vague = await crew.dispatcher.post(`/pours/${small.id}/loads`, {
        truckId: truck.id,
        volumeM3: 10,
        overOrderReason: 'more',
      });
      expect(vague.status).toBe(400);
      expect(await loadCount(small.id)).toBe(1);

      const reason = 'site engineer asks 2 m³ extra for the ramp';
      const granted = await crew.dispatcher.post<LoadDto>(`/pours/${small.id}/loads`, {
        truckId: truck.id,
        volumeM3: 10,
        overOrderReason: reason,
      });
      expect(granted.status).toBe(201);
      expect(granted.body.overOrderReason).toBe(reason);
      expect((await getLoad(crew.dispatcher, granted.body.id)).overOrderReason).toBe(reason);
      expect(await loadCount(small.id)).toBe(2);
    });

    it('accepts a load that exactly fills the pour, without a reason', async () => {
      const small = await createReadyPour(crew, world, { volumeM3: 12 });
      const answer = await crew.dispatcher.post<LoadDto>(`/pours/${small.id}/loads`, { truckId: null, volumeM3: 12 });
      expect(answer.status).toBe(201);
      expect(answer.body.overOrderReason).toBeNull();
      expect((await pourLoads(crew.dispatcher, small.id)).volumes.unorderedM3).toBeCloseTo(0, 6);
    });
  });

  describe('pours and trucks that cannot take a load', () => {
    it('refuses a load on a draft pour with 409', async () => {
      const draft = await createPour(crew.dispatcher, world);
      const answer = await crew.dispatcher.post(`/pours/${draft.id}/loads`, { truckId: null, volumeM3: 10 });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('pour_not_dispatchable');
      expect(await loadCount(draft.id)).toBe(0);
    });

    it('refuses a load on a cancelled pour with 409', async () => {
      const cancelled = await createReadyPour(crew, world);
      expect((await crew.dispatcher.post(`/pours/${cancelled.id}/status`, { status: 'cancelled' })).status).toBe(200);
      const answer = await crew.dispatcher.post(`/pours/${cancelled.id}/loads`, { truckId: null, volumeM3: 10 });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('pour_not_dispatchable');
    });

    it('answers 404 for an unknown truck and an unknown pour', async () => {
      const before = await loadCount(pour.id);
      const truck = await crew.dispatcher.post(`/pours/${pour.id}/loads`, { truckId: randomUUID(), volumeM3: 10 });
      expect(truck.status).toBe(404);
      expect(await loadCount(pour.id)).toBe(before);
      const unknownPour = await crew.dispatcher.post(`/pours/${randomUUID()}/loads`, { truckId: null, volumeM3: 10 });
      expect(unknownPour.status).toBe(404);
    });

    it('refuses to start loading without a truck, and starts once one is assigned', async () => {
      const load = await scheduleLoad(crew, pour, { truck: null });
      const answer = await crew.dispatcher.post(`/loads/${load.id}/start-loading`, {});
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('truck_missing');
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('scheduled');

      const truck = await createTruck(crew.admin, world.plant.id);
      const assigned = await crew.dispatcher.patch<LoadDto>(`/loads/${load.id}/truck`, { truckId: truck.id });
      expect(assigned.status).toBe(200);
      expect(assigned.body.truckFleetNumber).toBe(truck.fleetNumber);
      expect((await crew.dispatcher.post(`/loads/${load.id}/start-loading`, {})).status).toBe(200);
    });

    it('changes the truck only while the load is scheduled', async () => {
      const load = await loadAt(crew, pour, 'loading');
      const other = await createTruck(crew.admin, world.plant.id);
      const answer = await crew.dispatcher.patch(`/loads/${load.id}/truck`, { truckId: other.id });
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain('loading');
      expect((await getLoad(crew.dispatcher, load.id)).truckId).toBe(load.truckId);
    });

    it('refuses a load on a truck that is already out with another load, with a sentence naming it', async () => {
      const truck = await createTruck(crew.admin, world.plant.id);
      const first = await loadAt(crew, pour, 'en_route', { truck });
      const before = await loadCount(pour.id);
      const scheduled = await crew.dispatcher.post(`/pours/${pour.id}/loads`, { truckId: truck.id, volumeM3: 8 });
      expect(scheduled.status).toBe(409);
      expect(scheduled.body).toMatchObject({ code: 'truck_busy' });
      expect(scheduled.body.message).toContain(truck.fleetNumber);
      expect(await loadCount(pour.id)).toBe(before);

      const waiting = await scheduleLoad(crew, pour, { truck: null });
      const assigned = await crew.dispatcher.patch(`/loads/${waiting.id}/truck`, { truckId: truck.id });
      expect(assigned.status).toBe(409);
      expect(assigned.body.code).toBe('truck_busy');
      expect((await getLoad(crew.dispatcher, waiting.id)).truckId).toBeNull();
      expect((await getLoad(crew.dispatcher, first.id)).status).toBe('en_route');
    });

    it('refuses a load on a truck out of service, with a sentence naming it', async () => {
      const truck = await createTruck(crew.admin, world.plant.id);
      expect((await crew.admin.patch(`/trucks/${truck.id}`, { active: false })).status).toBe(200);
      const before = await loadCount(pour.id);
      const scheduled = await crew.dispatcher.post(`/pours/${pour.id}/loads`, { truckId: truck.id, volumeM3: 8 });
      expect(scheduled.status).toBe(409);
      expect(scheduled.body.code).toBe('truck_inactive');
      expect(scheduled.body.message).toBe(`Truck ${truck.fleetNumber} is out of service; choose a truck in service`);
      expect(await loadCount(pour.id)).toBe(before);

      const waiting = await scheduleLoad(crew, pour, { truck: null });
      const assigned = await crew.dispatcher.patch(`/loads/${waiting.id}/truck`, { truckId: truck.id });
      expect(assigned.status).toBe(409);
      expect(assigned.body.code).toBe('truck_inactive');
      expect((await getLoad(crew.dispatcher, waiting.id)).truckId).toBeNull();
    });

    it('lets exactly one of two simultaneous dispatches of the same truck win', async () => {
      const truck = await createTruck(crew.admin, world.plant.id);
      const loads = [await scheduleLoad(crew, pour, { truck }), await scheduleLoad(crew, pour, { truck })];
      const answers = await Promise.all(
        loads.map((load) => crew.dispatcher.post(`/loads/${load.id}/start-loading`, {})),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('truck_busy');
      const states = await Promise.all(loads.map(async (load) => (await getLoad(crew.dispatcher, load.id)).status));
      expect(states.sort()).toEqual(['loading', 'scheduled']);
    });
  });

  describe('unknown and malformed ids', () => {
    it('answers 404 for an unknown load, whatever is asked of it', async () => {
      const id = randomUUID();
      expect((await crew.dispatcher.get(`/loads/${id}`)).status).toBe(404);
      expect((await crew.dispatcher.get(`/loads/${id}/events`)).status).toBe(404);
      expect((await crew.dispatcher.post(`/loads/${id}/start-loading`, {})).status).toBe(404);
      expect((await crew.dispatcher.post(`/loads/${id}/arrive`, {})).status).toBe(404);
      expect((await recordQcTest(crew.qc, id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM })).status).toBe(404);
      expect((await crew.dispatcher.get(`/pours/${randomUUID()}/loads`)).status).toBe(404);
    });

    it('answers 400 for a load id that is not a UUID', async () => {
      expect((await crew.dispatcher.get('/loads/42')).status).toBe(400);
      expect((await crew.dispatcher.post('/loads/42/start-loading', {})).status).toBe(400);
      expect((await crew.dispatcher.get('/pours/not-a-pour/loads')).status).toBe(400);
    });
  });
});
