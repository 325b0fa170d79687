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
} from '../support/factories';
import type { Http } from '../support/http';

/** 90 m³ at 45 m³/h: two hours of pumping, booked 30 min either side by default. */
const TWO_HOURS = { volumeM3: 90, pourRateM3PerHour: 45 };
const ONE_HOUR = { volumeM3: 45, pourRateM3PerHour: 45 };
const REASON = 'Second boom crew on shift; the customer agreed in writing';

describe('A pump booked for one pour at a time', () => {
  let admin: Http;
  let dispatcher: Http;
  let world: PourWorld;
  /** Another site of the same plant, served by the same pump. */
  let otherSite: PourWorld;
  let day = 0;

  beforeAll(async () => {
    admin = await adminSession();
    dispatcher = (await createUser(admin, 'dispatcher')).session;
    world = await createWorld(admin);
    otherSite = { ...world, project: await createProject(admin, world.plant.id) };
  });

  /** A day of its own for each test, far ahead: `time` is UTC on it. */
  const nextDay = () => {
    day += 1;
    return (time: string) => `2027-03-${String(day).padStart(2, '0')}T${time}:00.000Z`;
  };
  const poursOfProject = async (projectId: string): Promise<number> =>
    (await admin.get(`/pours?projectId=${projectId}`)).body.total;
  const historyOf = async (pourId: string) => (await dispatcher.get(`/pours/${pourId}/history`)).body.items;

  it('refuses a second pour at another site whose booking overlaps, naming the first', async () => {
    const at = nextDay();
    const first = await createPour(dispatcher, world, {
      ...TWO_HOURS,
      scheduledStart: at('01:00'),
      structuralElement: 'Podium slab, axis 1–4',
    });
    const before = await poursOfProject(otherSite.project.id);
    const answer = await dispatcher.post('/pours', pourPlan(otherSite, { ...TWO_HOURS, scheduledStart: at('03:00') }));
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('pump_double_booked');
    expect(answer.body.message).toContain('pumpId');
    expect(answer.body.message).toContain('Podium slab, axis 1–4');
    expect(answer.body.message).toContain(world.project.name);
    // Shown in the plant's zone: 01:00 UTC is 09:00 in Shanghai, booked 08:30–11:30.
    expect(answer.body.message).toContain('09:00');
    expect(answer.body.message).toContain('08:30–11:30');
    expect(answer.body.facts).toMatchObject({
      pumpId: world.pump.id,
      pumpCode: world.pump.code,
      booking: { from: at('02:30'), until: at('05:30') },
      rules: { pumpSetUpMinutes: 30, pumpCleanDownMinutes: 30 },
      clashes: [
        {
          pourId: first.id,
          structuralElement: 'Podium slab, axis 1–4',
          projectName: world.project.name,
          status: 'draft',
          scheduledStart: at('01:00'),
          plantTimeZone: 'Asia/Shanghai',
          booking: { from: at('00:30'), pumpingFrom: at('01:00'), pumpingUntil: at('03:00'), until: at('03:30') },
        },
      ],
    });
    expect(await poursOfProject(otherSite.project.id)).toBe(before);
  });

  // The first pour pumps 05:00–07:00 and holds the pump 04:30–07:30.
  it.each([
    ['sets up as the first is cleaned down and gone', 201, '08:00', TWO_HOURS],
    ['sets up one minute before the first is gone', 409, '07:59', TWO_HOURS],
    ['is cleaned down and gone as the first sets up', 201, '03:00', ONE_HOUR],
    ['is gone one minute after the first sets up', 409, '03:01', ONE_HOUR],
  ])('answers a pour at another site that %s with %i', async (_case, status, start, size) => {
    const at = nextDay();
    await createPour(dispatcher, world, { ...TWO_HOURS, scheduledStart: at('05:00') });
    const answer = await dispatcher.post('/pours', pourPlan(otherSite, { ...size, scheduledStart: at(start) }));
    expect(answer.status).toBe(status);
  });

  it('accepts the double booking confirmed with a reason, and records who, why and what clashed', async () => {
    const at = nextDay();
    const first = await createPour(dispatcher, world, { ...TWO_HOURS, scheduledStart: at('01:00') });
    const tooShort = await dispatcher.post(
      '/pours',
      pourPlan(otherSite, { ...TWO_HOURS, scheduledStart: at('02:00'), confirm: { pumpClash: 'ok' } }),
    );
    expect(tooShort.status).toBe(400);

    const second = await expectCreated(
      dispatcher.post(
        '/pours',
        pourPlan(otherSite, { ...TWO_HOURS, scheduledStart: at('02:00'), confirm: { pumpClash: REASON } }),
      ),
    );
    expect(second.pumpId).toBe(world.pump.id);
    expect(second).not.toHaveProperty('confirm');
    const history = await historyOf(second.id);
    const confirmed = history.find((entry: any) => entry.action === 'pump_double_booking_confirmed');
    expect(confirmed.actorName).toContain('Test dispatcher');
    expect(confirmed.changes).toMatchObject({
      reason: REASON,
      pumpId: world.pump.id,
      rules: { pumpSetUpMinutes: 30, pumpCleanDownMinutes: 30 },
      clashes: [expect.objectContaining({ pourId: first.id, structuralElement: first.structuralElement })],
    });
    const created = history.find((entry: any) => entry.action === 'created');
    expect(created.changes).not.toHaveProperty('confirm');
  });

  it('does not count a cancelled or completed pour as holding the pump', async () => {
    const at = nextDay();
    const cancelled = await createPour(dispatcher, world, { ...TWO_HOURS, scheduledStart: at('01:00') });
    await expectCreated(dispatcher.post(`/pours/${cancelled.id}/status`, { status: 'cancelled' }));
    const completed = await createPour(dispatcher, world, {
      ...TWO_HOURS,
      scheduledStart: at('06:00'),
      requiredDocumentTypes: [],
    });
    for (const status of ['confirmed', 'ready', 'in_progress', 'completed']) {
      await expectCreated(dispatcher.post(`/pours/${completed.id}/status`, { status }));
    }
    await createPour(dispatcher, otherSite, { ...TWO_HOURS, scheduledStart: at('01:00') });
    await createPour(dispatcher, otherSite, { ...TWO_HOURS, scheduledStart: at('06:00') });
  });

  it('refuses moving a pour onto another’s booking, and takes it with a reason', async () => {
    const at = nextDay();
    const first = await createPour(dispatcher, world, { ...TWO_HOURS, scheduledStart: at('01:00') });
    const second = await createPour(dispatcher, otherSite, { ...TWO_HOURS, scheduledStart: at('08:00') });
    const refused = await dispatcher.patch(`/pours/${second.id}`, { scheduledStart: at('02:00'), notes: 'earlier' });
    expect(refused.status).toBe(409);
    expect(refused.body.facts.clashes.map((clash: any) => clash.pourId)).toEqual([first.id]);
    const unchanged = (await dispatcher.get(`/pours/${second.id}`)).body;
    expect(unchanged.scheduledStart).toBe(at('08:00'));
    expect(unchanged.notes).toBe(second.notes);

    const moved = await dispatcher.patch(`/pours/${second.id}`, {
      scheduledStart: at('02:00'),
      confirm: { pumpClash: REASON },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.scheduledStart).toBe(at('02:00'));
    const history = await historyOf(second.id);
    expect(history.find((entry: any) => entry.action === 'pump_double_booking_confirmed').changes.reason).toBe(REASON);
    const updated = history.find((entry: any) => entry.action === 'updated');
    expect(updated.changes).not.toHaveProperty('confirm');
    expect(updated.changes.scheduledStart).toEqual({ from: at('08:00'), to: at('02:00') });

    // A later edit that does not move the booking is not asked again.
    expect((await dispatcher.patch(`/pours/${second.id}`, { notes: 'Crane at gate 2' })).status).toBe(200);
  });

  it('lets the other pour of a confirmed double booking be edited only with a reason too', async () => {
    const at = nextDay();
    const first = await createPour(dispatcher, world, { ...TWO_HOURS, scheduledStart: at('01:00') });
    await createPour(dispatcher, otherSite, {
      ...TWO_HOURS,
      scheduledStart: at('02:00'),
      confirm: { pumpClash: REASON },
    });
    const longer = await dispatcher.patch(`/pours/${first.id}`, { volumeM3: 120 });
    expect(longer.status).toBe(409);
    expect(longer.body.code).toBe('pump_double_booked');
  });

  it('books by the set-up and clean-down of the pump’s home plant', async () => {
    const plant = await createPlantWith(admin, { ruleOverrides: { pumpSetUpMinutes: 0, pumpCleanDownMinutes: 0 } });
    const [project, secondProject, mix, pump] = await Promise.all([
      createProject(admin, plant.id),
      createProject(admin, plant.id),
      createMix(admin),
      createPump(admin, plant.id),
    ]);
    const tight: PourWorld = { plant, project, mix, pump };
    const at = nextDay();
    await createPour(dispatcher, tight, { ...TWO_HOURS, scheduledStart: at('01:00') });
    const next = await dispatcher.post(
      '/pours',
      pourPlan({ ...tight, project: secondProject }, { ...TWO_HOURS, scheduledStart: at('03:00') }),
    );
    expect(next.status).toBe(201);
    const history = await historyOf(next.body.id);
    expect(history.find((entry: any) => entry.action === 'created').changes.planRules).toMatchObject({
      pumpSetUpMinutes: 0,
      pumpCleanDownMinutes: 0,
    });
    const overlapping = await dispatcher.post(
      '/pours',
      pourPlan({ ...tight, project: secondProject }, { ...TWO_HOURS, scheduledStart: at('04:59') }),
    );
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.facts.rules).toEqual({ pumpSetUpMinutes: 0, pumpCleanDownMinutes: 0 });
  });

  it('lets two pours share a day on different pumps', async () => {
    const at = nextDay();
    await createPour(dispatcher, world, { ...TWO_HOURS, scheduledStart: at('01:00') });
    const otherPump = await createPump(admin, world.plant.id);
    const answer = await dispatcher.post(
      '/pours',
      pourPlan(otherSite, { ...TWO_HOURS, scheduledStart: at('01:00'), pumpId: otherPump.id }),
    );
    expect(answer.status).toBe(201);
  });
});
