import type { LoadEventDto, QcTestDto } from '@pourline/contracts';
import { adminSession } from '../support/factories';
import { queryE2eDatabase } from '../support/live-support';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  type LoadCrew,
  loadOnSite,
  minutesAgo,
  PASSING_SLUMP_MM,
} from '../support/load-factories';

/**
 * A load on site as it would be on a real morning: batched 100 min ago,
 * arrived 50 min ago. Built through the API now, then moved back in time.
 */
async function loadBatchedLongAgo(crew: LoadCrew) {
  const world = await createLoadWorld(crew.admin, crew);
  const pour = await createReadyPour(crew, world);
  const load = await loadOnSite(crew, pour, { siteSession: crew.site });
  await queryE2eDatabase(
    `UPDATE loads SET batched_at = batched_at - interval '100 minutes',
       discharge_deadline = discharge_deadline - interval '100 minutes' WHERE id = $1`,
    [load.id],
  );
  await queryE2eDatabase(
    `UPDATE load_events SET at = at - CASE WHEN to_status = 'on_site' THEN interval '50 minutes'
       ELSE interval '100 minutes' END WHERE load_id = $1`,
    [load.id],
  );
  return load;
}

describe('A site test and a step taken offline are judged and recorded when they were taken', () => {
  let crew: LoadCrew;
  let loadId: string;

  const siteTest = (observedAt: string) =>
    crew.site.post(`/loads/${loadId}/qc-tests`, {
      stage: 'site',
      slumpMm: PASSING_SLUMP_MM,
      temperatureC: 20,
      observedAt,
    });

  beforeAll(async () => {
    crew = await createCrew(await adminSession());
    loadId = (await loadBatchedLongAgo(crew)).id;
  });

  describe('refuses an observed time that cannot be true, with a sentence, and records nothing', () => {
    afterAll(async () => {
      const tests = (await crew.site.get<QcTestDto[]>(`/loads/${loadId}/qc-tests`)).body;
      expect(tests.filter((test) => test.stage === 'site')).toEqual([]);
    });

    it('refuses a time ahead of the server’s clock beyond the allowed skew', async () => {
      const answer = await siteTest(new Date(Date.now() + 10 * 60_000).toISOString());
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'time_in_future', message: expect.stringMatching(/future/) });
    });

    it('refuses a time more than 24 h old', async () => {
      const answer = await siteTest(minutesAgo(25 * 60));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'observed_too_old', message: expect.stringMatching(/24 h/) });
    });

    it('refuses a time before the load arrived', async () => {
      const answer = await siteTest(minutesAgo(55));
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        code: 'observed_before_previous_step',
        message: expect.stringMatching(/before the load's previous step/),
      });
    });
  });

  describe('a test observed 60 min after batching and sent 40 min later', () => {
    let observedAt: string;
    let test: QcTestDto;

    beforeAll(async () => {
      observedAt = minutesAgo(40);
      const answer = await siteTest(observedAt);
      expect(answer.status).toBe(201);
      test = answer.body;
    });

    it('is judged at 60 min of age, not 100, and accepted', () => {
      expect(test.minutesSinceBatch).toBeCloseTo(60, 0);
      expect(test).toMatchObject({ outcome: 'accepted', pass: true, reasons: [] });
    });

    it('keeps both the time it was taken and the time it was received', async () => {
      expect(test.testedAt).toBe(observedAt);
      expect(Date.now() - Date.parse(test.receivedAt)).toBeLessThan(60_000);
      const tests = (await crew.qc.get<QcTestDto[]>(`/loads/${loadId}/qc-tests`)).body;
      expect(tests.find((stored) => stored.id === test.id)).toMatchObject({
        testedAt: observedAt,
        receivedAt: test.receivedAt,
      });
    });

    it('records a discharge confirmed offline after it at the time it was confirmed', async () => {
      const startedAt = minutesAgo(35);
      const answer = await crew.site.post(`/loads/${loadId}/start-discharge`, { observedAt: startedAt });
      expect(answer.status).toBe(200);
      const events = (await crew.site.get<LoadEventDto[]>(`/loads/${loadId}/events`)).body;
      const discharge = events.find((event) => event.toStatus === 'discharging')!;
      expect(discharge.at).toBe(startedAt);
      expect(Date.now() - Date.parse(discharge.receivedAt)).toBeLessThan(60_000);
    });

    it('refuses a step observed before the load’s previous step', async () => {
      const answer = await crew.site.post(`/loads/${loadId}/end-discharge`, { observedAt: minutesAgo(38) });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('observed_before_previous_step');
    });
  });
});
