import { randomUUID } from 'node:crypto';
import { adminSession, createPour, createWorld, pourPlan, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';

describe('Pour plan validation', () => {
  let admin: Http;
  let world: PourWorld;

  beforeAll(async () => {
    admin = await adminSession();
    world = await createWorld(admin);
  });

  async function poursOfProject(): Promise<number> {
    return (await admin.get(`/pours?projectId=${world.project.id}`)).body.total;
  }

  const badPlans: [string, Record<string, unknown>, string][] = [
    ['a latitude beyond 90°', { startPoint: { lat: 91, lng: 118.8 } }, 'startPoint.lat'],
    ['a longitude beyond 180°', { pumpPosition: { lat: 31.9, lng: -181 } }, 'pumpPosition.lng'],
    ['a zero volume', { volumeM3: 0 }, 'volumeM3'],
    ['a negative volume', { volumeM3: -12 }, 'volumeM3'],
    ['a negative pour rate', { pourRateM3PerHour: -5 }, 'pourRateM3PerHour'],
    ['a route with one position', { entryRoute: { type: 'LineString', coordinates: [[118.8, 31.9]] } }, 'entryRoute'],
    ['a route that is not a LineString', { exitRoute: { type: 'Point', coordinates: [118.8, 31.9] } }, 'exitRoute'],
    [
      'a route position out of range',
      {
        exitRoute: {
          type: 'LineString',
          coordinates: [
            [200, 31.9],
            [118.8, 31.9],
          ],
        },
      },
      'exitRoute',
    ],
    [
      'a route with text coordinates',
      {
        entryRoute: {
          type: 'LineString',
          coordinates: [
            ['a', 'b'],
            [1, 2],
          ],
        },
      },
      'entryRoute',
    ],
    ['a pump without a set-up position', { pumpPosition: null }, 'pumpPosition'],
    ['a start that is not a date', { scheduledStart: 'tomorrow morning' }, 'scheduledStart'],
    ['zero trucks', { truckCount: 0 }, 'truckCount'],
    ['an unknown pumping method', { pumpingMethod: 'bucket brigade' }, 'pumpingMethod'],
    ['a malformed project id', { projectId: 'project-7' }, 'projectId'],
  ];

  it.each(badPlans)('refuses %s with 400 naming the field, and stores nothing', async (_case, override, field) => {
    const before = await poursOfProject();
    const answer = await admin.post('/pours', { ...pourPlan(world), ...override });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('invalid_input');
    expect(answer.body.message).toContain(field);
    expect(await poursOfProject()).toBe(before);
  });

  it.each(['projectId', 'plantId', 'mixId', 'pumpId'])('refuses an unknown %s with 404 naming it', async (field) => {
    const before = await poursOfProject();
    const answer = await admin.post('/pours', { ...pourPlan(world), [field]: randomUUID() });
    expect(answer.status).toBe(404);
    expect(answer.body.message).toContain(field);
    expect(await poursOfProject()).toBe(before);
  });

  it('answers 404 for an unknown pour and 400 for an id that is not a UUID', async () => {
    expect((await admin.get(`/pours/${randomUUID()}`)).status).toBe(404);
    expect((await admin.post(`/pours/${randomUUID()}/status`, { status: 'confirmed' })).status).toBe(404);
    expect((await admin.get('/pours/42')).status).toBe(400);
  });

  it('refuses a bad update and leaves the pour as it was', async () => {
    const pour = await createPour(admin, world);
    const answer = await admin.patch(`/pours/${pour.id}`, { volumeM3: -1, notes: 'should not stick' });
    expect(answer.status).toBe(400);
    const unchanged = (await admin.get(`/pours/${pour.id}`)).body;
    expect(unchanged.notes).toBe(pour.notes);
    expect(unchanged.volumeM3).toBe(pour.volumeM3);
    const dropsPump = await admin.patch(`/pours/${pour.id}`, { pumpPosition: null });
    expect(dropsPump.status).toBe(400);
  });

  it('refuses list filters that make no sense', async () => {
    expect((await admin.get('/pours?day=2026-13-45')).status).toBe(400);
    expect((await admin.get('/pours?status=poured')).status).toBe(400);
    expect((await admin.get('/pours?pageSize=100000')).status).toBe(400);
  });
});
