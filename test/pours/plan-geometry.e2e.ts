import { createPlantWith } from '../support/load-factories';
import {
  adminSession,
  createMix,
  createProject,
  createPump,
  createPour,
  createUser,
  createWorld,
  expectCreated,
  pourPlan,
  type PourWorld,
  route,
} from '../support/factories';
import type { Http } from '../support/http';

/** Metres per degree of latitude on the sphere the API measures on. */
const M_PER_DEG_LAT = (6_371_008.8 * Math.PI) / 180;
/** The factory site and plant are squares 0.001° each way around their centres. */
const SITE_NORTH_FENCE = { lat: 31.951, lng: 118.85 };
const PLANT_NORTH_FENCE = { lat: 31.901, lng: 118.8 };
const north = (fence: { lat: number; lng: number }, metres: number) => ({
  lat: fence.lat + metres / M_PER_DEG_LAT,
  lng: fence.lng,
});
const at = ({ lat, lng }: { lat: number; lng: number }): [number, number] => [lng, lat];
const SITE: [number, number] = [118.85, 31.95];
const PLANT: [number, number] = [118.8, 31.9];
const KM_OFF_SITE = north(SITE_NORTH_FENCE, 1000);

describe('Pour plans that lie at their site and plant', () => {
  let admin: Http;
  let dispatcher: Http;
  let world: PourWorld;

  beforeAll(async () => {
    admin = await adminSession();
    dispatcher = (await createUser(admin, 'dispatcher')).session;
    world = await createWorld(admin);
  });

  const poursOfProject = async (projectId = world.project.id): Promise<number> =>
    (await admin.get(`/pours?projectId=${projectId}`)).body.total;

  const refusals: [string, Record<string, unknown>, { field: string; rule: string; toleranceMeters: number }[]][] = [
    [
      'a pump 1 km outside the site’s fence',
      { pumpPosition: KM_OFF_SITE },
      [{ field: 'pumpPosition', rule: 'near_site', toleranceMeters: 150 }],
    ],
    [
      'a start point 1 km outside the site’s fence',
      { startPoint: KM_OFF_SITE },
      [{ field: 'startPoint', rule: 'near_site', toleranceMeters: 150 }],
    ],
    [
      'an end point 1 km outside the site’s fence',
      { endPoint: KM_OFF_SITE },
      [{ field: 'endPoint', rule: 'near_site', toleranceMeters: 150 }],
    ],
    [
      'an entry route that touches neither plant nor site',
      { entryRoute: route([118.7, 31.8], [118.9, 32.0]) },
      [
        { field: 'entryRoute', rule: 'starts_near_plant', toleranceMeters: 300 },
        { field: 'entryRoute', rule: 'ends_near_site', toleranceMeters: 150 },
      ],
    ],
    [
      'an entry route drawn from the site to the plant',
      { entryRoute: route(SITE, PLANT) },
      [
        { field: 'entryRoute', rule: 'starts_near_plant', toleranceMeters: 300 },
        { field: 'entryRoute', rule: 'ends_near_site', toleranceMeters: 150 },
      ],
    ],
    [
      'an exit route that stops 1 km short of the plant',
      { exitRoute: route(SITE, at(north(PLANT_NORTH_FENCE, 1000))) },
      [{ field: 'exitRoute', rule: 'ends_near_plant', toleranceMeters: 300 }],
    ],
    [
      'an exit route that starts 1 km from the site',
      { exitRoute: route(at(KM_OFF_SITE), PLANT) },
      [{ field: 'exitRoute', rule: 'starts_near_site', toleranceMeters: 150 }],
    ],
  ];

  it.each(refusals)('refuses %s with 400 naming the field, and stores nothing', async (_case, change, issues) => {
    const before = await poursOfProject();
    const answer = await dispatcher.post('/pours', pourPlan(world, change));
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('plan_geometry_out_of_range');
    for (const { field } of issues) expect(answer.body.message).toContain(`${field}:`);
    expect(answer.body.details).toHaveLength(issues.length);
    expect(answer.body.facts.issues).toEqual(issues.map((issue) => expect.objectContaining(issue)));
    expect(answer.body.facts.rules).toEqual({ siteToleranceMeters: 150, routePlantToleranceMeters: 300 });
    expect(await poursOfProject()).toBe(before);
  });

  it('says how far out a point is and how far it may be', async () => {
    const answer = await dispatcher.post('/pours', pourPlan(world, { pumpPosition: KM_OFF_SITE }));
    expect(answer.body.facts.issues).toEqual([
      { field: 'pumpPosition', rule: 'near_site', distanceMeters: 1000, toleranceMeters: 150 },
    ]);
    expect(answer.body.message).toContain("pumpPosition: outside the site's fence by 1000 m; at most 150 m is allowed");
  });

  it.each([
    ['a pump 140 m outside the site’s fence', 201, { pumpPosition: north(SITE_NORTH_FENCE, 140) }],
    ['a pump 160 m outside the site’s fence', 400, { pumpPosition: north(SITE_NORTH_FENCE, 160) }],
    [
      'an entry route from 290 m outside the plant',
      201,
      { entryRoute: route(at(north(PLANT_NORTH_FENCE, 290)), SITE) },
    ],
    [
      'an entry route from 310 m outside the plant',
      400,
      { entryRoute: route(at(north(PLANT_NORTH_FENCE, 310)), SITE) },
    ],
    ['an exit route to 290 m outside the plant', 201, { exitRoute: route(SITE, at(north(PLANT_NORTH_FENCE, 290))) }],
    ['an exit route to 310 m outside the plant', 400, { exitRoute: route(SITE, at(north(PLANT_NORTH_FENCE, 310))) }],
    ['a start point on the site’s fence', 201, { startPoint: SITE_NORTH_FENCE }],
  ])('answers %s with %i', async (_case, status, change) => {
    const answer = await dispatcher.post('/pours', pourPlan(world, change));
    expect(answer.status).toBe(status);
  });

  it('records the plan rules a plan was accepted by', async () => {
    const pour = await createPour(dispatcher, world);
    const history = (await dispatcher.get(`/pours/${pour.id}/history`)).body.items;
    const created = history.find((entry: any) => entry.action === 'created');
    expect(created.changes.planRules).toEqual({
      siteToleranceMeters: 150,
      routePlantToleranceMeters: 300,
      pumpSetUpMinutes: 30,
      pumpCleanDownMinutes: 30,
    });
  });

  it('refuses moving a pour’s pump 1 km off site and leaves the plan as it was', async () => {
    const pour = await createPour(dispatcher, world);
    const answer = await dispatcher.patch(`/pours/${pour.id}`, { pumpPosition: KM_OFF_SITE, notes: 'moved' });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('plan_geometry_out_of_range');
    expect(answer.body.facts.issues).toEqual([expect.objectContaining({ field: 'pumpPosition' })]);
    const unchanged = (await dispatcher.get(`/pours/${pour.id}`)).body;
    expect(unchanged.pumpPosition).toEqual(pour.pumpPosition);
    expect(unchanged.notes).toBe(pour.notes);
  });

  it('judges a plan against the site of the project it is moved to', async () => {
    const pour = await createPour(dispatcher, world);
    const elsewhere = await expectCreated(
      admin.post('/projects', {
        customerId: world.project.customerId,
        plantId: world.plant.id,
        name: `Elsewhere ${pour.id.slice(0, 8)}`,
        location: { lat: 31.99, lng: 118.9 },
        geofence: {
          type: 'Polygon',
          coordinates: [
            [
              [118.899, 31.989],
              [118.901, 31.989],
              [118.901, 31.991],
              [118.899, 31.991],
              [118.899, 31.989],
            ],
          ],
        },
      }),
    );
    const answer = await dispatcher.patch(`/pours/${pour.id}`, { projectId: elsewhere.id });
    expect(answer.status).toBe(400);
    expect(answer.body.facts.issues.map((issue: any) => issue.field)).toEqual([
      'pumpPosition',
      'startPoint',
      'endPoint',
      'entryRoute',
      'exitRoute',
    ]);
    expect((await dispatcher.get(`/pours/${pour.id}`)).body.projectId).toBe(world.project.id);
  });

  describe('at a plant with its own plan rules', () => {
    let generous: PourWorld;

    beforeAll(async () => {
      const plant = await createPlantWith(admin, { ruleOverrides: { siteToleranceMeters: 1200 } });
      const [project, mix, pump] = await Promise.all([
        createProject(admin, plant.id),
        createMix(admin),
        createPump(admin, plant.id),
      ]);
      generous = { plant, project, mix, pump };
    });

    it('accepts a pump 1 km outside the fence where the plant allows 1,200 m, and records that', async () => {
      const pour = await createPour(dispatcher, generous, { pumpPosition: KM_OFF_SITE });
      const history = (await dispatcher.get(`/pours/${pour.id}/history`)).body.items;
      const created = history.find((entry: any) => entry.action === 'created');
      expect(created.changes.planRules.siteToleranceMeters).toBe(1200);
    });

    it('keeps a plan stored under looser rules editable where its map does not move', async () => {
      const pour = await createPour(dispatcher, generous, { pumpPosition: KM_OFF_SITE });
      await expectCreated(admin.patch(`/plants/${generous.plant.id}`, { ruleOverrides: { siteToleranceMeters: 150 } }));
      try {
        const notes = await dispatcher.patch(`/pours/${pour.id}`, { notes: 'Gate 2 closed on Tuesday' });
        expect(notes.status).toBe(200);
        const moved = await dispatcher.patch(`/pours/${pour.id}`, { pumpPosition: north(SITE_NORTH_FENCE, 900) });
        expect(moved.status).toBe(400);
        expect(moved.body.facts.rules.siteToleranceMeters).toBe(150);
      } finally {
        await expectCreated(
          admin.patch(`/plants/${generous.plant.id}`, { ruleOverrides: { siteToleranceMeters: 1200 } }),
        );
      }
    });

    it('refuses a plant rule beyond its range', async () => {
      const answer = await admin.patch(`/plants/${generous.plant.id}`, { ruleOverrides: { siteToleranceMeters: -5 } });
      expect(answer.status).toBe(400);
    });
  });
});
