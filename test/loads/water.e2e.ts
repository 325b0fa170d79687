import type { LoadDto, PourDto, WaterAdditionDto } from '@pourline/contracts';
import { adminSession, createUser, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  getLoad,
  loadAt,
  type LoadCrew,
  loadOnSite,
  QC_NAME,
  SITE_NAME,
} from '../support/load-factories';

/**
 * The factory mix: cement 380 kg/m³, water 175 kg/m³, max w/c 0.5. Headroom is
 * 0.5 × 380 − 175 = 15 kg = 15 L per m³, so a 10 m³ load may take 150 L on site.
 */
describe('Water added on site', () => {
  let admin: Http;
  let crew: LoadCrew;
  let world: PourWorld;
  let pour: PourDto;

  beforeAll(async () => {
    admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
    pour = await createReadyPour(crew, world);
  });

  const addWater = (
    session: Http,
    loadId: string,
    litres: number,
    addedBy = 'driver Wang',
    requestedBy = 'foreman Zhang',
  ) => session.post(`/loads/${loadId}/water`, { litres, addedBy, requestedBy });

  const additionsOf = async (loadId: string) => {
    const answer = await crew.dispatcher.get<WaterAdditionDto[]>(`/loads/${loadId}/water`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('starts a 10 m³ load with an allowance of 150 L and nothing added', async () => {
    const load = await loadOnSite(crew, pour, { volumeM3: 10 });
    expect(load.waterAddedLitres).toBe(0);
    expect(load.waterAllowanceLitres).toBeCloseTo(150, 6);
  });

  it('records water within the limit on the ticket, with who added it and who asked', async () => {
    const load = await loadOnSite(crew, pour, { volumeM3: 10 });
    const first = await addWater(crew.site, load.id, 60);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      litres: 60,
      addedBy: 'driver Wang',
      requestedBy: 'foreman Zhang',
      recordedBy: SITE_NAME,
    });
    let after = await getLoad(crew.dispatcher, load.id);
    expect(after.waterAddedLitres).toBeCloseTo(60, 6);
    expect(after.waterAllowanceLitres).toBeCloseTo(90, 6);

    const second = await addWater(crew.qc, load.id, 90, 'QC Chen', 'site engineer Zhou');
    expect(second.status).toBe(201);
    expect(second.body.recordedBy).toBe(QC_NAME);
    after = await getLoad(crew.dispatcher, load.id);
    expect(after.waterAddedLitres).toBeCloseTo(150, 6);
    expect(after.waterAllowanceLitres).toBeCloseTo(0, 6);
    const additions = await additionsOf(load.id);
    expect(additions.map((addition) => addition.litres)).toEqual([60, 90]);
    expect(additions.map((addition) => addition.recordedBy)).toEqual([SITE_NAME, QC_NAME]);
  });

  it('refuses water beyond what the w/c ratio allows with 422, and stores nothing', async () => {
    const load = await loadOnSite(crew, pour, { volumeM3: 10 });
    const tooMuch = await addWater(crew.site, load.id, 150.1);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('water_limit_exceeded');
    let after = await getLoad(crew.dispatcher, load.id);
    expect(after.waterAddedLitres).toBe(0);
    expect(after.waterAllowanceLitres).toBeCloseTo(150, 6);

    expect((await addWater(crew.site, load.id, 100)).status).toBe(201);
    const overTheRest = await addWater(crew.site, load.id, 50.5);
    expect(overTheRest.status).toBe(422);
    expect(overTheRest.body.code).toBe('water_limit_exceeded');
    after = await getLoad(crew.dispatcher, load.id);
    expect(after.waterAddedLitres).toBeCloseTo(100, 6);
    expect(after.waterAllowanceLitres).toBeCloseTo(50, 6);
    expect((await additionsOf(load.id)).map((addition) => addition.litres)).toEqual([100]);
  });

  it('rounds the allowance down to 0.1 L', async () => {
    // 15 L/m³ × 7.33 m³ = 109.95 L → 109.9 L.
    const load = await loadOnSite(crew, pour, { volumeM3: 7.33 });
    expect(load.waterAllowanceLitres).toBeCloseTo(109.9, 6);
    expect((await addWater(crew.site, load.id, 109.95)).status).toBe(422);
    expect((await addWater(crew.site, load.id, 109.9)).status).toBe(201);
    expect((await getLoad(crew.dispatcher, load.id)).waterAllowanceLitres).toBe(0);
  });

  it('accepts water while discharging', async () => {
    const load = await loadAt(crew, pour, 'discharging', { volumeM3: 10 });
    expect((await addWater(crew.site, load.id, 20)).status).toBe(201);
    expect((await getLoad(crew.dispatcher, load.id)).waterAddedLitres).toBeCloseTo(20, 6);
  });

  it.each(['scheduled', 'released', 'en_route', 'discharged'] as const)(
    'refuses water with 409 while the load is %s, and stores nothing',
    async (state) => {
      const load = await loadAt(crew, pour, state, { volumeM3: 10 });
      const answer = await addWater(admin, load.id, 10);
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain(state);
      expect((await getLoad(crew.dispatcher, load.id)).waterAddedLitres).toBe(0);
      expect(await additionsOf(load.id)).toEqual([]);
    },
  );

  it.each([
    ['no litres', { addedBy: 'driver Wang', requestedBy: 'foreman Zhang' }],
    ['zero litres', { litres: 0, addedBy: 'driver Wang', requestedBy: 'foreman Zhang' }],
    ['negative litres', { litres: -5, addedBy: 'driver Wang', requestedBy: 'foreman Zhang' }],
    ['litres as text', { litres: 'a bucket', addedBy: 'driver Wang', requestedBy: 'foreman Zhang' }],
    ['no one who added it', { litres: 10, requestedBy: 'foreman Zhang' }],
    ['no one who asked for it', { litres: 10, addedBy: 'driver Wang', requestedBy: '  ' }],
  ])('refuses %s with 400, and stores nothing', async (_case, body) => {
    const load = await loadOnSite(crew, pour, { volumeM3: 10 });
    const answer = await crew.site.post(`/loads/${load.id}/water`, body);
    expect(answer.status).toBe(400);
    expect((await getLoad(crew.dispatcher, load.id)).waterAddedLitres).toBe(0);
    expect(await additionsOf(load.id)).toEqual([]);
  });

  describe('who may add water', () => {
    let load: LoadDto;

    beforeAll(async () => {
      load = await loadOnSite(crew, pour, { volumeM3: 10 });
    });

    it('refuses the dispatcher and after-sales with 403', async () => {
      const afterSales = (await createUser(admin, 'after_sales')).session;
      expect((await addWater(crew.dispatcher, load.id, 10)).status).toBe(403);
      expect((await addWater(afterSales, load.id, 10)).status).toBe(403);
      expect((await getLoad(crew.dispatcher, load.id)).waterAddedLitres).toBe(0);
    });

    it('answers 404 to a site dispatcher of another project', async () => {
      const stranger = (await createUser(admin, 'site_dispatcher')).session;
      expect((await addWater(stranger, load.id, 10)).status).toBe(404);
      expect((await getLoad(crew.dispatcher, load.id)).waterAddedLitres).toBe(0);
    });

    it('lets the admin add water', async () => {
      expect((await addWater(admin, load.id, 10)).status).toBe(201);
      expect((await getLoad(crew.dispatcher, load.id)).waterAddedLitres).toBeCloseTo(10, 6);
    });
  });

  it('keeps a load’s water after it is discharged', async () => {
    const load = await loadAt(crew, pour, 'discharging', { volumeM3: 10 });
    await addWater(crew.site, load.id, 30);
    const done = await advanceLoad(crew, load.id, 'back_at_plant');
    expect(done.waterAddedLitres).toBeCloseTo(30, 6);
  });
});
