import type { LoadEventDto, PourDto } from '@pourline/contracts';
import { adminSession, expectCreated, type PourWorld } from '../support/factories';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  DISPATCHER_NAME,
  getLoad,
  type LoadCrew,
  scheduleLoad,
} from '../support/load-factories';

const MINUTE = 60_000;
const REASON = 'Site asked to start early before the forecast rain';
/** Poured by chute: these pours share a world and their hours, and need no pump of their own. */
const BY_CHUTE = { pumpId: null, pumpPosition: null, pumpingMethod: 'direct_discharge' as const };
const inMinutes = (minutes: number, from = Date.now()) => new Date(from + minutes * MINUTE).toISOString();

describe('A pour’s first load started long before the pour', () => {
  let crew: LoadCrew;
  let world: PourWorld;

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
  });

  const readyPourAt = (scheduledStart: string, target: PourWorld = world) =>
    createReadyPour(crew, target, { ...BY_CHUTE, scheduledStart });
  const startLoading = (loadId: string, body: Record<string, unknown> = {}) =>
    crew.dispatcher.post(`/loads/${loadId}/start-loading`, body);
  const historyOf = async (pourId: string) =>
    (await crew.dispatcher.get(`/pours/${pourId}/history?pageSize=50`)).body.items;

  it('asks for a reason when loading would start three hours before the pour, and changes nothing', async () => {
    const pour = await readyPourAt(inMinutes(180));
    const load = await scheduleLoad(crew, pour);
    const answer = await startLoading(load.id);
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('early_start_unconfirmed');
    expect(answer.body.message).toContain('batchedAt');
    expect(answer.body.message).toMatch(/17[89] minutes before its planned start/);
    expect(answer.body.message).toContain('confirm.earlyStart');
    expect(answer.body.facts).toMatchObject({
      pourId: pour.id,
      scheduledStart: pour.scheduledStart,
      plantTimeZone: 'Asia/Shanghai',
      rules: { maxMinutesLoadingBeforeStart: 90 },
    });
    expect(answer.body.facts.minutesBeforeStart).toBeGreaterThanOrEqual(178);
    expect(answer.body.facts.minutesBeforeStart).toBeLessThanOrEqual(180);

    const unchanged = await getLoad(crew.dispatcher, load.id);
    expect(unchanged).toMatchObject({ status: 'scheduled', batchedAt: null });
    expect((await crew.dispatcher.get(`/pours/${pour.id}`)).body.status).toBe('ready');
    const events: LoadEventDto[] = (await crew.dispatcher.get(`/loads/${load.id}/events`)).body;
    expect(events.map((event) => event.toStatus)).toEqual(['scheduled']);
  });

  it('starts loading with the reason, and records who said why in the load’s and the pour’s history', async () => {
    const pour = await readyPourAt(inMinutes(180));
    const load = await scheduleLoad(crew, pour);
    const tooShort = await startLoading(load.id, { confirm: { earlyStart: 'rain' } });
    expect(tooShort.status).toBe(400);

    const answer = await startLoading(load.id, { confirm: { earlyStart: REASON } });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('loading');
    expect((await crew.dispatcher.get(`/pours/${pour.id}`)).body.status).toBe('in_progress');

    const events: LoadEventDto[] = (await crew.dispatcher.get(`/loads/${load.id}/events`)).body;
    const loading = events.find((event) => event.toStatus === 'loading')!;
    expect(loading.actorName).toBe(DISPATCHER_NAME);
    expect(loading.note).toContain(REASON);

    const confirmed = (await historyOf(pour.id)).find((entry: any) => entry.action === 'early_start_confirmed');
    expect(confirmed.actorName).toContain(DISPATCHER_NAME);
    expect(confirmed.changes).toMatchObject({
      reason: REASON,
      loadId: load.id,
      ticketNumber: load.ticketNumber,
      scheduledStart: pour.scheduledStart,
      rules: { maxMinutesLoadingBeforeStart: 90 },
    });
  });

  it('asks nothing of the loads after the first: the pour is under way', async () => {
    const pour = await readyPourAt(inMinutes(180));
    const first = await scheduleLoad(crew, pour);
    await expectCreated(startLoading(first.id, { confirm: { earlyStart: REASON } }));
    const second = await scheduleLoad(crew, pour);
    expect((await startLoading(second.id)).status).toBe(200);
  });

  it('asks about the first load of a pour set in progress by hand before any concrete', async () => {
    const pour = await readyPourAt(inMinutes(180));
    await expectCreated(crew.dispatcher.post(`/pours/${pour.id}/status`, { status: 'in_progress' }));
    const load = await scheduleLoad(crew, pour);
    expect((await startLoading(load.id)).body.code).toBe('early_start_unconfirmed');
  });

  describe('at the limit, judged by the batch time', () => {
    let pour: PourDto;
    // A start an hour ago: batch times 90 and 91 minutes before it are both in the past.
    const scheduledStartMs = Math.floor((Date.now() - 60 * MINUTE) / MINUTE) * MINUTE;

    beforeAll(async () => {
      pour = await readyPourAt(new Date(scheduledStartMs).toISOString());
    });

    it.each([
      ['91 minutes before the start', 409, 91],
      ['exactly 90 minutes before the start', 200, 90],
    ])('answers loading batched %s with %i', async (_case, status, minutes) => {
      const load = await scheduleLoad(crew, pour);
      const answer = await startLoading(load.id, { batchedAt: inMinutes(-minutes, scheduledStartMs) });
      expect(answer.status).toBe(status);
    });
  });

  it('loads without a question 80 minutes before the start, and after it', async () => {
    const soon = await readyPourAt(inMinutes(80));
    expect((await startLoading((await scheduleLoad(crew, soon)).id)).status).toBe(200);
    const late = await readyPourAt(inMinutes(-240));
    expect((await startLoading((await scheduleLoad(crew, late)).id)).status).toBe(200);
  });

  it('takes the plant’s own limit', async () => {
    const admin = crew.admin;
    const patient = await createLoadWorld(admin, crew, { ruleOverrides: { maxMinutesLoadingBeforeStart: 240 } });
    const pour = await readyPourAt(inMinutes(180), patient);
    expect((await startLoading((await scheduleLoad(crew, pour)).id)).status).toBe(200);

    const strict = await createLoadWorld(admin, crew, { ruleOverrides: { maxMinutesLoadingBeforeStart: 30 } });
    const soon = await readyPourAt(inMinutes(60), strict);
    const answer = await startLoading((await scheduleLoad(crew, soon)).id);
    expect(answer.status).toBe(409);
    expect(answer.body.facts.rules).toEqual({ maxMinutesLoadingBeforeStart: 30 });
  });
});
