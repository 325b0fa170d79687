import {
  adminSession,
  createPour,
  createPump,
  createUser,
  createWorld,
  expectCreated,
  pourPlan,
  type PourWorld,
} from '../support/factories';
import type { Http } from '../support/http';

describe('Pour plans', () => {
  let admin: Http;
  let dispatcher: Http;
  let world: PourWorld;

  beforeAll(async () => {
    admin = await adminSession();
    dispatcher = (await createUser(admin, 'dispatcher')).session;
    world = await createWorld(admin);
  });

  it('round-trips every field of the pour plan', async () => {
    const plan = pourPlan(world, { requiredDocumentTypes: ['mix_design_report', 'cement_report'] });
    const created = await createPour(dispatcher, world, plan);
    const { status, body } = await dispatcher.get(`/pours/${created.id}`);
    expect(status).toBe(200);
    for (const [field, value] of Object.entries(plan)) {
      expect({ field, value: body[field] }).toEqual({ field, value });
    }
    expect(body).toMatchObject({
      status: 'draft',
      projectName: world.project.name,
      plantName: world.plant.name,
      plantTimeZone: 'Asia/Shanghai',
      mixCode: world.mix.code,
      pumpCode: world.pump.code,
      undeliveredDocumentTypes: ['mix_design_report', 'cement_report'],
      allowedTransitions: ['confirmed', 'cancelled'],
      documentGateOverride: null,
    });
  });

  it('requires the five standard reports when none are named', async () => {
    const pour = await createPour(dispatcher, world);
    expect(pour.requiredDocumentTypes).toEqual([
      'mix_design_report',
      'cement_report',
      'coarse_aggregate_report',
      'sand_report',
      'admixture_report',
    ]);
  });

  it('updates a plan field and records who changed it from what to what', async () => {
    const pour = await createPour(dispatcher, world);
    const updated = await dispatcher.patch(`/pours/${pour.id}`, { volumeM3: 300, notes: 'More volume' });
    expect(updated.status).toBe(200);
    expect(updated.body.volumeM3).toBe(300);
    const history = await dispatcher.get(`/pours/${pour.id}/history`);
    const change = history.body.items.find((entry: any) => entry.action === 'updated');
    expect(change.changes.volumeM3).toEqual({ from: 240.5, to: 300 });
    expect(change.actorName).toContain('Test dispatcher');
  });

  it('filters the list by the plant-local day, status, plant and project', async () => {
    const other = await createWorld(admin);
    // The first two overlap, so the second has a pump of its own.
    const secondPump = await createPump(admin, other.plant.id);
    // 23:30 UTC on the 1st is already the 2nd in Shanghai (UTC+8).
    const lateUtc = await createPour(dispatcher, other, { scheduledStart: '2026-12-01T23:30:00Z' });
    const early = await createPour(dispatcher, other, {
      scheduledStart: '2026-12-02T00:30:00Z',
      pumpId: secondPump.id,
    });
    await createPour(dispatcher, other, { scheduledStart: '2026-12-03T02:00:00Z' });
    const day = await dispatcher.get(`/pours?day=2026-12-02&plantId=${other.plant.id}`);
    expect(day.body.items.map((pour: any) => pour.id)).toEqual([lateUtc.id, early.id]);
    expect(day.body.total).toBe(2);

    await expectCreated(dispatcher.post(`/pours/${early.id}/status`, { status: 'confirmed' }));
    const confirmed = await dispatcher.get(`/pours?status=confirmed&projectId=${other.project.id}`);
    expect(confirmed.body.items.map((pour: any) => pour.id)).toEqual([early.id]);

    const paged = await dispatcher.get(`/pours?plantId=${other.plant.id}&pageSize=2&page=2`);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('refuses to edit a plan once the pour is in progress', async () => {
    const pour = await createPour(dispatcher, world, { requiredDocumentTypes: [] });
    for (const status of ['confirmed', 'ready', 'in_progress']) {
      await expectCreated(dispatcher.post(`/pours/${pour.id}/status`, { status }));
    }
    const answer = await dispatcher.patch(`/pours/${pour.id}`, { volumeM3: 10 });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('pour_not_editable');
    expect((await dispatcher.get(`/pours/${pour.id}`)).body.volumeM3).toBe(240.5);
  });
});
