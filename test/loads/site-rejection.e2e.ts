import type { LoadDto, NonConformanceDto, PourDto, QcTestDto } from '@pourline/contracts';
import { adminSession } from '../support/factories';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  getLoad,
  type LoadCrew,
  loadOnSite,
  PASSING_SLUMP_MM,
  pourLoads,
  QC_NAME,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';

const nonConformancesOf = async (session: LoadCrew['dispatcher'], pourId: string) => {
  const answer = await session.get<NonConformanceDto[]>(`/pours/${pourId}/non-conformances`);
  expect(answer.status).toBe(200);
  return answer.body;
};

describe('Site rejection under GB/T 14902: nonconforming concrete is rejected at once', () => {
  let crew: LoadCrew;
  let pour: PourDto;
  let rejected: LoadDto;
  let siteTest: QcTestDto;
  let queued: LoadDto[];
  let unorderedBefore: number;

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    const world = await createLoadWorld(admin, crew);
    pour = await createReadyPour(crew, world);
    const onSite = await loadOnSite(crew, pour, { volumeM3: 9.5 });
    // Two loads already waiting in the queue behind it.
    queued = [await scheduleLoad(crew, pour, { volumeM3: 10 }), await scheduleLoad(crew, pour, { volumeM3: 10 })];
    unorderedBefore = (await pourLoads(crew.dispatcher, pour.id)).volumes.unorderedM3;

    const answer = await recordQcTest(crew.qc, onSite.id, {
      stage: 'site',
      slumpMm: FAILING_SLUMP_MM,
      temperatureC: 20,
    });
    expect(answer.status).toBe(201);
    siteTest = answer.body;
    rejected = await getLoad(crew.dispatcher, onSite.id);
  });

  it('answers the site test with a rejection and its reason', () => {
    expect(siteTest).toMatchObject({ stage: 'site', pass: false, outcome: 'rejected', inspectorName: QC_NAME });
    expect(siteTest.reasons.map((reason: { code: string }) => reason.code)).toEqual(['slump_out_of_tolerance']);
    expect(siteTest.ruleSetVersion).toMatch(/^rs-/);
  });

  it('marks the load rejected', () => {
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejected).toBe(true);
  });

  it('puts a replacement load at the head of the queue, same mix and volume, no truck yet', async () => {
    const { loads } = await pourLoads(crew.dispatcher, pour.id);
    expect(loads).toHaveLength(4);
    const replacement = loads.find((load) => load.replacesLoadId === rejected.id);
    expect(replacement).toBeDefined();
    expect(replacement).toMatchObject({
      status: 'scheduled',
      truckId: null,
      pourId: pour.id,
      mixId: rejected.mixId,
      volumeM3: 9.5,
      rejected: false,
    });
    expect(replacement!.ticketNumber).not.toBe(rejected.ticketNumber);
    const lowest = Math.min(...loads.map((load) => load.queuePosition));
    expect(replacement!.queuePosition).toBe(lowest);
    expect(loads.filter((load) => load.queuePosition === lowest)).toHaveLength(1);
    expect(loads[0].id).toBe(replacement!.id);
    // The loads that were waiting keep their order behind it.
    const waiting = loads.filter((load) => queued.some((q) => q.id === load.id)).map((load) => load.id);
    expect(waiting).toEqual(queued.map((load) => load.id));
  });

  it('opens a non-conformance record naming the load, the test and the replacement', async () => {
    const { loads } = await pourLoads(crew.dispatcher, pour.id);
    const replacement = loads.find((load) => load.replacesLoadId === rejected.id)!;
    const records = await nonConformancesOf(crew.dispatcher, pour.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      loadId: rejected.id,
      ticketNumber: rejected.ticketNumber,
      pourId: pour.id,
      qcTestId: siteTest.id,
      volumeM3: 9.5,
      openedBy: QC_NAME,
      status: 'open',
      replacementLoadId: replacement.id,
    });
    expect(records[0].reasons.map((reason: { code: string }) => reason.code)).toEqual(['slump_out_of_tolerance']);
  });

  it('counts the rejected volume as rejected, not delivered nor in transit, and re-orders it', async () => {
    const { volumes } = await pourLoads(crew.dispatcher, pour.id);
    expect(volumes.rejectedM3).toBeCloseTo(9.5, 6);
    expect(volumes.deliveredM3).toBeCloseTo(0, 6);
    expect(volumes.inTransitM3).toBeCloseTo(0, 6);
    expect(volumes.remainingM3).toBeCloseTo(240.5, 6);
    // The replacement takes the rejected volume's place: nothing more is left to order.
    expect(volumes.unorderedM3).toBeCloseTo(unorderedBefore, 6);
  });

  it('refuses discharge or a second site test on a rejected load', async () => {
    const discharge = await crew.dispatcher.post(`/loads/${rejected.id}/start-discharge`, {});
    expect(discharge.status).toBe(409);
    expect(discharge.body.message).toContain('rejected');
    const again = await recordQcTest(crew.qc, rejected.id, { stage: 'site', slumpMm: PASSING_SLUMP_MM });
    expect(again.status).toBe(409);
    expect((await crew.qc.get<QcTestDto[]>(`/loads/${rejected.id}/qc-tests`)).body).toHaveLength(2);
  });

  it('refuses to override a rejection', async () => {
    const answer = await crew.qc.post(`/qc-tests/${siteTest.id}/override`, { reason: 'the pump crew wants it anyway' });
    expect(answer.status).toBe(409);
    expect((await getLoad(crew.dispatcher, rejected.id)).status).toBe('rejected');
  });

  it('sends the truck back with its load, still counted as rejected', async () => {
    const leave = await crew.site.post<LoadDto>(`/loads/${rejected.id}/leave-site`, {});
    expect(leave.status).toBe(200);
    expect(leave.body.status).toBe('returning_with_load');
    expect(leave.body.rejected).toBe(true);
    const back = await crew.dispatcher.post<LoadDto>(`/loads/${rejected.id}/back-at-plant`, {});
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('back_at_plant');
    expect(back.body.rejected).toBe(true);
    const { volumes } = await pourLoads(crew.dispatcher, pour.id);
    expect(volumes.rejectedM3).toBeCloseTo(9.5, 6);
    expect(volumes.deliveredM3).toBeCloseTo(0, 6);
  });

  it('lets the replacement be given a truck and dispatched like any load', async () => {
    const { loads } = await pourLoads(crew.dispatcher, pour.id);
    const replacement = loads.find((load) => load.replacesLoadId === rejected.id)!;
    const noTruck = await crew.dispatcher.post(`/loads/${replacement.id}/start-loading`, {});
    expect(noTruck.status).toBe(409);
    expect(noTruck.body.code).toBe('truck_missing');
    // The rejected load's truck is home again and free.
    const assign = await crew.dispatcher.patch<LoadDto>(`/loads/${replacement.id}/truck`, {
      truckId: rejected.truckId,
    });
    expect(assign.status).toBe(200);
    expect(assign.body.truckId).toBe(rejected.truckId);
    const start = await crew.dispatcher.post<LoadDto>(`/loads/${replacement.id}/start-loading`, {});
    expect(start.status).toBe(200);
    expect(start.body.status).toBe('loading');
  });
});

describe('Site rejection with the ASTM C94 check test', () => {
  let crew: LoadCrew;
  let pour: PourDto;

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    const world = await createLoadWorld(admin, crew, { slumpStandard: 'astm_c94' });
    pour = await createReadyPour(crew, world);
  });

  async function firstFailure(load: LoadDto): Promise<QcTestDto> {
    const answer = await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  it('asks for a check test after a first failure, and the load waits on site', async () => {
    const load = await loadOnSite(crew, pour);
    const first = await firstFailure(load);
    expect(first.pass).toBe(false);
    expect(first.outcome).toBe('retest_required');
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('on_site');
    expect(await nonConformancesOf(crew.dispatcher, pour.id)).toEqual([]);
    const { loads } = await pourLoads(crew.dispatcher, pour.id);
    expect(loads.some((entry) => entry.replacesLoadId === load.id)).toBe(false);
    const discharge = await crew.dispatcher.post(`/loads/${load.id}/start-discharge`, {});
    expect(discharge.status).toBe(409);
    expect(discharge.body.code).toBe('site_test_missing');
  });

  it('accepts the load when the check test passes, and it may discharge', async () => {
    const load = await loadOnSite(crew, pour);
    const first = await firstFailure(load);
    const check = await recordQcTest(crew.qc, load.id, {
      stage: 'site',
      slumpMm: PASSING_SLUMP_MM,
      temperatureC: 20,
      checkTestOf: first.id,
    });
    expect(check.status).toBe(201);
    expect(check.body).toMatchObject({ pass: true, outcome: 'accepted', checkTestOf: first.id });
    expect((await getLoad(crew.dispatcher, load.id)).rejected).toBe(false);
    const discharge = await crew.site.post<LoadDto>(`/loads/${load.id}/start-discharge`, {});
    expect(discharge.status).toBe(200);
    expect(discharge.body.status).toBe('discharging');
  });

  it('rejects the load when the check test fails too, with replacement and non-conformance', async () => {
    const before = (await nonConformancesOf(crew.dispatcher, pour.id)).length;
    const load = await loadOnSite(crew, pour);
    const first = await firstFailure(load);
    const check = await recordQcTest(crew.qc, load.id, {
      stage: 'site',
      slumpMm: FAILING_SLUMP_MM + 5,
      temperatureC: 20,
      checkTestOf: first.id,
    });
    expect(check.status).toBe(201);
    expect(check.body).toMatchObject({ pass: false, outcome: 'rejected', checkTestOf: first.id });
    const after = await getLoad(crew.dispatcher, load.id);
    expect(after.status).toBe('rejected');
    expect(after.rejected).toBe(true);
    const { loads } = await pourLoads(crew.dispatcher, pour.id);
    const replacement = loads.find((entry) => entry.replacesLoadId === load.id);
    expect(replacement).toMatchObject({ status: 'scheduled', truckId: null, volumeM3: load.volumeM3 });
    expect(replacement!.queuePosition).toBe(Math.min(...loads.map((entry) => entry.queuePosition)));
    const records = await nonConformancesOf(crew.dispatcher, pour.id);
    expect(records).toHaveLength(before + 1);
    expect(records.find((record) => record.loadId === load.id)).toMatchObject({
      qcTestId: check.body.id,
      replacementLoadId: replacement!.id,
      status: 'open',
    });
  });

  it('lets a QC inspector override a check-test request, accepting the load', async () => {
    const load = await loadOnSite(crew, pour);
    const first = await firstFailure(load);
    const answer = await crew.qc.post(`/qc-tests/${first.id}/override`, {
      reason: 'slump cone disturbed by the pump, visual check fine',
    });
    expect([200, 201]).toContain(answer.status);
    const tests = (await crew.qc.get<QcTestDto[]>(`/loads/${load.id}/qc-tests`)).body;
    expect(tests.find((test) => test.id === first.id)?.override).toMatchObject({ byName: QC_NAME });
    expect((await crew.dispatcher.post(`/loads/${load.id}/start-discharge`, {})).status).toBe(200);
  });

  it('rejects at once a temperature failure, which no check test can cure', async () => {
    const load = await loadOnSite(crew, pour);
    const answer = await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: PASSING_SLUMP_MM, temperatureC: 39 });
    expect(answer.status).toBe(201);
    expect(answer.body.outcome).toBe('rejected');
    expect(answer.body.reasons.map((reason: { code: string }) => reason.code)).toEqual(['temperature_out_of_range']);
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('rejected');
  });

  it('names a different rule set version than the GB default', async () => {
    const load = await loadOnSite(crew, pour);
    const astm = await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: PASSING_SLUMP_MM });
    const plantTest = (await crew.qc.get<QcTestDto[]>(`/loads/${load.id}/qc-tests`)).body[0];
    expect(astm.body.ruleSetVersion).toBe(plantTest.ruleSetVersion);
    const gbCrew = crew;
    const gbWorld = await createLoadWorld(gbCrew.admin, gbCrew);
    const gbPour = await createReadyPour(gbCrew, gbWorld);
    const gbLoad = await loadOnSite(gbCrew, gbPour);
    const gbTest = (await crew.qc.get<QcTestDto[]>(`/loads/${gbLoad.id}/qc-tests`)).body[0];
    expect(gbTest.ruleSetVersion).not.toBe(astm.body.ruleSetVersion);
  });
});
