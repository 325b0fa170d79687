import type { LoadDto, LoadEventDto, PlantQueueDto } from '@pourline/contracts';
import { adminSession, createUser, expectCreated, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  createTruck,
  FAILING_SLUMP_MM,
  getLoad,
  type LoadCrew,
  PASSING_SLUMP_MM,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';

const OPERATOR_NAME = 'Test plant_operator';

/** The plant's central control room takes its loads from the ticket to the gate, by hand. */
describe('The plant control room', () => {
  let crew: LoadCrew;
  let world: PourWorld;
  let operator: Http;
  let operatorId: string;

  beforeAll(async () => {
    crew = await createCrew(await adminSession());
    world = await createLoadWorld(crew.admin, crew);
    const created = await createUser(crew.admin, 'plant_operator');
    operator = created.session;
    operatorId = created.user.id;
    const assigned = await crew.admin.patch(`/plants/${world.plant.id}`, { operatorIds: [operatorId] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.operatorIds).toEqual([operatorId]);
  });

  const step = (loadId: string, name: string, body: object = {}) => operator.post(`/loads/${loadId}/${name}`, body);
  const queue = async (plantId = world.plant.id): Promise<PlantQueueDto> =>
    expectCreated(operator.get(`/plants/${plantId}/queue`));

  it('takes a hand-dispatched load from loading to departure, with the batch ticket, under its own name', async () => {
    const pour = await createReadyPour(crew, world);
    const load = await scheduleLoad(crew, pour, { volumeM3: 8 });

    const waiting = await queue();
    const item = waiting.outbound.find((entry) => entry.load.id === load.id);
    expect(item).toMatchObject({ pour: { id: pour.id, structuralElement: pour.structuralElement } });
    expect(item!.targetReleaseAt).not.toBeNull();
    expect(item!.load.truckFleetNumber).toBeTruthy();

    expect((await step(load.id, 'start-loading')).status).toBe(200);
    const batched = await step(load.id, 'send-to-qc', {
      materials: [
        { material: 'Cement P.O 42.5', actualKg: 2_880, targetKg: 2_872 },
        { material: 'Water', actualKg: 1_310 },
      ],
      waterHeldBackLitres: 30,
    });
    expect(batched.status).toBe(200);
    expect(batched.body.status).toBe('plant_qc');
    expect(batched.body.batch).toMatchObject({
      waterHeldBackLitres: 30,
      recordedByName: OPERATOR_NAME,
      materials: [{ material: 'Cement P.O 42.5', actualKg: 2_880, targetKg: 2_872 }, { material: 'Water' }],
    });

    // QC's verdict releases the load; only then may it leave.
    expect((await step(load.id, 'depart')).status).toBe(409);
    await recordQcTest(crew.qc, load.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM, temperatureC: 20 });
    const departed = await step(load.id, 'depart');
    expect(departed.status).toBe(200);
    expect(departed.body.status).toBe('en_route');
    expect((await queue()).outbound.map((entry) => entry.load.id)).not.toContain(load.id);

    const events: LoadEventDto[] = (await operator.get(`/loads/${load.id}/events`)).body;
    const byOperator = events.filter((event) => event.actorName === OPERATOR_NAME).map((event) => event.toStatus);
    expect(byOperator).toEqual(['loading', 'plant_qc', 'en_route']);
  });

  it('raises the site’s water allowance by what the plant held back', async () => {
    const pour = await createReadyPour(crew, world);
    const plain = await advanceLoad(crew, (await scheduleLoad(crew, pour, { volumeM3: 8 })).id, 'on_site');
    const load = await scheduleLoad(crew, pour, { volumeM3: 8 });
    await step(load.id, 'start-loading');
    const batched: LoadDto = (await step(load.id, 'send-to-qc', { waterHeldBackLitres: 25 })).body;
    expect(batched.waterAllowanceLitres).toBeCloseTo(plain.waterAllowanceLitres + 25, 6);
  });

  it('disposes of a load that failed its plant test, with a reason, and never sends it', async () => {
    const pour = await createReadyPour(crew, world);
    const load = await scheduleLoad(crew, pour, { volumeM3: 8 });
    await step(load.id, 'start-loading');
    await step(load.id, 'send-to-qc', {});
    const test = await recordQcTest(crew.qc, load.id, { stage: 'plant', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    expect(test.body.outcome).toBe('held');

    const held = (await queue()).outbound.find((entry) => entry.load.id === load.id);
    expect(held?.load.status).toBe('held');
    expect((await step(load.id, 'depart')).status).toBe(409);

    const noReason = await step(load.id, 'dispose', { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/reason/);
    expect((await getLoad(operator, load.id)).status).toBe('held');

    const disposed = await step(load.id, 'dispose', { reason: 'Slump 100 mm, too stiff to adjust' });
    expect(disposed.status).toBe(200);
    expect(disposed.body.status).toBe('disposed');
    expect((await queue()).outbound.map((entry) => entry.load.id)).not.toContain(load.id);
    expect((await step(load.id, 'dispose', { reason: 'Slump 100 mm, too stiff to adjust' })).status).toBe(409);
  });

  it('checks a returning truck in at the plant', async () => {
    const pour = await createReadyPour(crew, world);
    const load = await advanceLoad(crew, (await scheduleLoad(crew, pour)).id, 'returning', {
      siteSession: crew.site,
    });
    expect((await queue()).returning.map((entry) => entry.load.id)).toContain(load.id);
    const back = await step(load.id, 'back-at-plant');
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('back_at_plant');
  });

  it('refuses a step that is not the load’s turn with a sentence, and changes nothing', async () => {
    const pour = await createReadyPour(crew, world);
    const load = await scheduleLoad(crew, pour);
    const early = await step(load.id, 'send-to-qc', {});
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/scheduled/);
    expect((await step(load.id, 'back-at-plant')).status).toBe(409);
    expect((await getLoad(operator, load.id)).status).toBe('scheduled');
    const badBatch = await step(load.id, 'send-to-qc', { materials: [{ material: '', actualKg: -5 }] });
    expect(badBatch.status).toBe(400);
    await step(load.id, 'start-loading');
    for (const material of ['Ce\u0000ment', 'Cement \uD83D']) {
      const hostile = await step(load.id, 'send-to-qc', { materials: [{ material, actualKg: 100 }] });
      expect(hostile.status).toBe(400);
      expect(hostile.body.message).toMatch(/materials\.0\.material/);
    }
    // A batch time hours before loading began would put the deadline behind the load.
    const hoursBefore = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const mistyped = await step(load.id, 'send-to-qc', { batchedAt: hoursBefore });
    expect(mistyped.status).toBe(409);
    expect(mistyped.body.message).toMatch(/^batchedAt/);
    expect((await getLoad(operator, load.id)).status).toBe('loading');
  });

  it('acts only at the plants it runs, and sees only their queues', async () => {
    const otherWorld = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, otherWorld);
    const load = await scheduleLoad(crew, pour);
    const refused = await step(load.id, 'start-loading');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('not_your_plant');
    expect((await getLoad(operator, load.id)).status).toBe('scheduled');
    const otherQueue = await operator.get(`/plants/${otherWorld.plant.id}/queue`);
    expect(otherQueue.status).toBe(403);
    expect(otherQueue.body.message).toMatch(/control room/);
    // The dispatch room stands in for any plant.
    expect((await crew.dispatcher.get(`/plants/${otherWorld.plant.id}/queue`)).status).toBe(200);
  });

  it('may not create, assign, divert or cancel loads: that is the dispatch room’s', async () => {
    const pour = await createReadyPour(crew, world);
    expect((await operator.post(`/pours/${pour.id}/loads`, { volumeM3: 8 })).status).toBe(403);
    const load = await scheduleLoad(crew, pour);
    expect((await operator.post(`/loads/${load.id}/cancel`, { reason: 'not needed any more' })).status).toBe(403);
  });

  it('is assigned to plants by an administrator, only as a plant operator', async () => {
    const dispatcher = await createUser(crew.admin, 'dispatcher');
    const refused = await crew.admin.patch(`/plants/${world.plant.id}`, { operatorIds: [dispatcher.user.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/plant operator/);
    const plant = await expectCreated(crew.admin.get(`/plants/${world.plant.id}`));
    expect(plant.operatorIds).toEqual([operatorId]);
  });

  it('orders the queue by when each load should leave to keep the pour’s rhythm', async () => {
    const plantWorld = await createLoadWorld(crew.admin, crew);
    await crew.admin.patch(`/plants/${plantWorld.plant.id}`, { operatorIds: [operatorId] });
    // Two pours of one project at once need two pumps; these discharge straight from the truck.
    const noPump = { pumpId: null, pumpPosition: null, pumpingMethod: 'direct_discharge' as const };
    const later = await createReadyPour(crew, plantWorld, { scheduledStart: hoursFromNow(3), ...noPump });
    const sooner = await createReadyPour(crew, plantWorld, { scheduledStart: hoursFromNow(1), ...noPump });
    const truck = await createTruck(crew.admin, plantWorld.plant.id);
    const first = await scheduleLoad(crew, later, { truck });
    const second = await scheduleLoad(crew, sooner, { truck: null });
    const third = await scheduleLoad(crew, sooner, { truck: null });
    const order = (await queue(plantWorld.plant.id)).outbound;
    expect(order.map((entry) => entry.load.id)).toEqual([second.id, third.id, first.id]);
    const [a, b] = order.map((entry) => Date.parse(entry.targetReleaseAt!));
    // 10 m³ at the plan's rate apart.
    expect((b - a) / 60_000).toBeCloseTo((10 / sooner.pourRateM3PerHour) * 60, 3);
  });
});

function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}
