import type { LoadDto, PourDto, QcTestDto } from '@pourline/contracts';
import { adminSession, createUser, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  getLoad,
  loadAt,
  type LoadCrew,
  PASSING_SLUMP_MM,
  QC_NAME,
  recordQcTest,
} from '../support/load-factories';

describe('Plant QC before a load leaves', () => {
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

  const testsOf = async (loadId: string) => (await crew.qc.get<QcTestDto[]>(`/loads/${loadId}/qc-tests`)).body;

  /** A load held at the plant after a failed slump test, with that test. */
  async function heldLoad(): Promise<{ load: LoadDto; test: QcTestDto }> {
    const load = await loadAt(crew, pour, 'plant_qc');
    const answer = await recordQcTest(crew.qc, load.id, {
      stage: 'plant',
      slumpMm: FAILING_SLUMP_MM,
      temperatureC: 20,
    });
    expect(answer.status).toBe(201);
    return { load: await getLoad(crew.dispatcher, load.id), test: answer.body };
  }

  it('releases a load that passes, naming the inspector and the rule set', async () => {
    const load = await loadAt(crew, pour, 'plant_qc');
    const answer = await recordQcTest(crew.qc, load.id, {
      stage: 'plant',
      slumpMm: 195,
      temperatureC: 22,
      remarks: 'looks good',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      loadId: load.id,
      stage: 'plant',
      slumpMm: 195,
      designSlumpMm: 180,
      temperatureC: 22,
      pass: true,
      reasons: [],
      outcome: 'released',
      inspectorName: QC_NAME,
      remarks: 'looks good',
      override: null,
    });
    expect(answer.body.ruleSetVersion).toMatch(/^rs-/);
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('released');
  });

  it('holds a load that fails, then releases it after adjustment and a passing re-test', async () => {
    const { load, test } = await heldLoad();
    expect(test.pass).toBe(false);
    expect(test.outcome).toBe('held');
    expect(test.reasons.map((reason: { code: string }) => reason.code)).toEqual(['slump_out_of_tolerance']);
    expect(test.reasons[0].message).toContain('100');
    expect(load.status).toBe('held');

    const depart = await crew.dispatcher.post(`/loads/${load.id}/depart`, {});
    expect(depart.status).toBe(409);
    expect(depart.body.message).toContain('held');

    const retest = await recordQcTest(crew.qc, load.id, {
      stage: 'plant',
      slumpMm: PASSING_SLUMP_MM,
      temperatureC: 20,
      remarks: 'admixture dosed, re-mixed',
    });
    expect(retest.status).toBe(201);
    expect(retest.body.outcome).toBe('released');
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('released');
    expect((await testsOf(load.id)).map((entry) => entry.outcome)).toEqual(['held', 'released']);
    expect((await crew.dispatcher.post(`/loads/${load.id}/depart`, {})).status).toBe(200);
  });

  it('holds a load whose temperature is outside 5–35 °C even when the slump is right', async () => {
    const load = await loadAt(crew, pour, 'plant_qc');
    const answer = await recordQcTest(crew.qc, load.id, {
      stage: 'plant',
      slumpMm: PASSING_SLUMP_MM,
      temperatureC: 38,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.outcome).toBe('held');
    expect(answer.body.reasons.map((reason: { code: string }) => reason.code)).toEqual(['temperature_out_of_range']);
  });

  it('reports every failure of a test at once', async () => {
    const load = await loadAt(crew, pour, 'plant_qc');
    const answer = await recordQcTest(crew.qc, load.id, { stage: 'plant', slumpMm: 250, temperatureC: 2 });
    expect(answer.status).toBe(201);
    expect(answer.body.reasons.map((reason: { code: string }) => reason.code).sort()).toEqual([
      'slump_out_of_tolerance',
      'temperature_out_of_range',
    ]);
  });

  it('disposes of a held load with a reason; it is never sent', async () => {
    const { load } = await heldLoad();
    const noReason = await crew.dispatcher.post(`/loads/${load.id}/dispose`, { reason: 'bad' });
    expect(noReason.status).toBe(400);
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('held');

    const answer = await crew.dispatcher.post<LoadDto>(`/loads/${load.id}/dispose`, {
      reason: 'slump cannot be recovered, dumped at the plant',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('disposed');
    for (const action of ['depart', 'send-to-qc', 'start-loading']) {
      const refused = await crew.dispatcher.post(`/loads/${load.id}/${action}`, {});
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain('disposed');
    }
    const retest = await recordQcTest(crew.qc, load.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM });
    expect(retest.status).toBe(409);
    expect(await testsOf(load.id)).toHaveLength(1);
  });

  it('refuses to dispose of a load that was not held', async () => {
    const load = await loadAt(crew, pour, 'released');
    const answer = await crew.dispatcher.post(`/loads/${load.id}/dispose`, { reason: 'changed our minds entirely' });
    expect(answer.status).toBe(409);
    expect(answer.body.message).toContain('released');
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('released');
  });

  it('lets a QC inspector override a failed plant test with a reason, releasing the load', async () => {
    const { load, test } = await heldLoad();
    const short = await crew.qc.post(`/qc-tests/${test.id}/override`, { reason: 'ok' });
    expect(short.status).toBe(400);
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('held');

    const reason = 'engineer of record accepts 100 mm for this column';
    const answer = await crew.qc.post(`/qc-tests/${test.id}/override`, { reason });
    expect([200, 201]).toContain(answer.status);
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('released');
    const [stored] = await testsOf(load.id);
    expect(stored.id).toBe(test.id);
    expect(stored.pass).toBe(false);
    expect(stored.override).toMatchObject({ reason, byName: QC_NAME });
    expect(Number.isFinite(new Date(stored.override!.at).getTime())).toBe(true);

    const twice = await crew.qc.post(`/qc-tests/${test.id}/override`, { reason: 'once more for good measure' });
    expect(twice.status).toBe(409);
  });

  it.each(['dispatcher', 'admin'] as const)(
    'refuses an override by %s with 403: a QC decision is the inspector’s own',
    async (role) => {
      const session = role === 'admin' ? admin : crew.dispatcher;
      const { load, test } = await heldLoad();
      const answer = await session.post(`/qc-tests/${test.id}/override`, { reason: 'we need this concrete now' });
      expect(answer.status).toBe(403);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('held');
      expect((await testsOf(load.id))[0].override).toBeNull();
    },
  );

  it('refuses to override a test that passed', async () => {
    const load = await loadAt(crew, pour, 'plant_qc');
    const test = await recordQcTest(crew.qc, load.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM });
    expect(test.status).toBe(201);
    const answer = await crew.qc.post(`/qc-tests/${test.body.id}/override`, { reason: 'nothing to override here' });
    expect(answer.status).toBe(409);
    expect((await testsOf(load.id))[0].override).toBeNull();
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('released');
  });

  it('lets only a QC inspector record a plant test: admin, dispatcher and site dispatcher get 403, nothing recorded', async () => {
    const load = await loadAt(crew, pour, 'plant_qc');
    const afterSales = (await createUser(admin, 'after_sales')).session;
    for (const session of [admin, crew.dispatcher, crew.site, afterSales]) {
      const answer = await recordQcTest(session, load.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM });
      expect(answer.status).toBe(403);
    }
    expect(await testsOf(load.id)).toEqual([]);
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('plant_qc');
  });

  it('answers 404 for an override of an unknown test', async () => {
    const answer = await crew.qc.post('/qc-tests/6f1c7a52-4a7e-4b0c-9d1e-2b3c4d5e6f70/override', {
      reason: 'there is no such test at all',
    });
    expect(answer.status).toBe(404);
  });
});
