import { adminSession } from '../support/factories';
import { connectReady, createTrackedTruck, sendFix, waitFor } from '../support/live-support';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  type LoadCrew,
  loadOnSite,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';

/** The dispatch room's own brake on a pour, and alerts that stay open until someone acts. */
describe('Dispatch holds and alerts', () => {
  let crew: LoadCrew;

  beforeAll(async () => {
    crew = await createCrew(await adminSession());
  });

  it('refuses new loads while a pour is held, says why, and takes them again once resumed', async () => {
    const pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew));
    const held = await crew.dispatcher.post(`/pours/${pour.id}/dispatch-hold`, { reason: 'pump blocked' });
    expect(held.status).toBe(200);
    expect(held.body.dispatchHold).toMatchObject({ reason: 'pump blocked', byName: 'Test dispatcher' });
    const refused = await crew.dispatcher.post(`/pours/${pour.id}/loads`, { volumeM3: 10 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('pour_on_hold');
    expect(refused.body.message).toContain('pump blocked');
    expect((await crew.dispatcher.get(`/pours/${pour.id}/loads`)).body.loads).toHaveLength(0);
    expect((await crew.site.post(`/pours/${pour.id}/dispatch-hold`, { reason: 'stop' })).status).toBe(403);
    expect((await crew.dispatcher.post(`/pours/${pour.id}/dispatch-hold`, { reason: '' })).status).toBe(400);

    const resumed = await crew.dispatcher.post(`/pours/${pour.id}/dispatch-resume`, {});
    expect(resumed.body.dispatchHold).toBeNull();
    expect((await scheduleLoad(crew, pour)).status).toBe('scheduled');
    const history = (await crew.dispatcher.get(`/pours/${pour.id}/history`)).body.items.map(
      (entry: any) => entry.action,
    );
    expect(history).toEqual(expect.arrayContaining(['dispatch_held', 'dispatch_resumed']));
  });

  it('keeps a site rejection open as an alert until a dispatcher acknowledges it with a note, live', async () => {
    const pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew));
    const load = await loadOnSite(crew, pour);
    await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });

    // Alerts are kept as the relay numbers their event, a moment after the change commits.
    const alert = await waitFor('the rejection alert', async () => {
      const open = (await crew.dispatcher.get('/alerts?open=true')).body;
      return open.find((item: any) => item.type === 'load.rejected.v1' && item.payload.load.id === load.id);
    });
    expect(alert.summary).toContain('rejected on site');
    expect(alert.acknowledgement).toBeNull();

    const otherConsole = await connectReady({ token: crew.admin.token! });
    try {
      expect((await crew.qc.post(`/alerts/${alert.seq}/acknowledge`, { note: 'seen' })).status).toBe(403);
      expect((await crew.dispatcher.post(`/alerts/${alert.seq}/acknowledge`, { note: '' })).status).toBe(400);
      const done = await crew.dispatcher.post(`/alerts/${alert.seq}/acknowledge`, {
        note: 'Replacement sent with T07',
      });
      expect(done.status).toBe(200);
      expect(done.body.acknowledgement).toMatchObject({ note: 'Replacement sent with T07', byName: 'Test dispatcher' });
      expect((await crew.admin.post(`/alerts/${alert.seq}/acknowledge`, { note: 'again' })).status).toBe(409);
      const heard = await otherConsole.waitForEvent(
        'the acknowledgement on another console',
        (item) => item.name === 'alert.acknowledged.v1' && item.data.payload.seq === alert.seq,
      );
      expect(heard.data.payload.note).toBe('Replacement sent with T07');
    } finally {
      otherConsole.close();
    }
    const stillOpen = (await crew.dispatcher.get('/alerts?open=true')).body.map((item: any) => item.seq);
    expect(stillOpen).not.toContain(alert.seq);
    expect((await crew.dispatcher.post('/alerts/999999999/acknowledge', { note: 'x' })).status).toBe(404);
  });
});

describe('Deadlines at risk', () => {
  it('raises one alert for a load whose concrete may go off before it is poured', async () => {
    const crew = await createCrew(await adminSession());
    const pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew));
    const load = await scheduleLoad(crew, pour);
    // Batched 80 minutes ago: ten minutes left of the 90.
    await advanceLoad(crew, load.id, 'en_route', { batchedAt: new Date(Date.now() - 80 * 60_000).toISOString() });
    const risky = async () =>
      (await crew.dispatcher.get('/alerts?open=true')).body.filter(
        (item: any) => item.type === 'load.deadline_risk.v1' && item.payload.load.id === load.id,
      );
    const deadline = Date.now() + 15_000;
    let alerts: any[] = [];
    while (Date.now() < deadline && alerts.length === 0) {
      alerts = await risky();
      if (alerts.length === 0) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(alerts).toHaveLength(1);
    expect(alerts[0].summary).toContain('at risk');
    // Checked again later, it is not raised twice: a second load put at risk now is only seen
    // by a later check, which has then passed over the first one too.
    const later = await scheduleLoad(crew, pour);
    await advanceLoad(crew, later.id, 'en_route', { batchedAt: new Date(Date.now() - 80 * 60_000).toISOString() });
    await waitFor(
      'the deadline watch to check again',
      async () =>
        (await crew.dispatcher.get('/alerts?open=true')).body.some(
          (item: any) => item.type === 'load.deadline_risk.v1' && item.payload.load.id === later.id,
        ),
      15_000,
      100,
    );
    expect(await risky()).toHaveLength(1);
  });

  it('raises one for a truck too far away to arrive in time, and none for a truck close by', async () => {
    const crew = await createCrew(await adminSession());
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world);
    const [nearTruck, farTruck] = await Promise.all([
      createTrackedTruck(crew.admin, pour.plantId),
      createTrackedTruck(crew.admin, pour.plantId),
    ]);
    // Both batched 30 minutes ago: an hour left of the 90, far more than the last quarter.
    const batchedAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const near = await scheduleLoad(crew, pour, { truck: nearTruck });
    await advanceLoad(crew, near.id, 'en_route', { batchedAt });
    // On the entry route, about 3 km short of the pump.
    await sendFix(nearTruck.deviceId, { lat: 31.93, lng: 118.83, at: new Date(), speedKmh: 40 });
    const far = await scheduleLoad(crew, pour, { truck: farTruck });
    await advanceLoad(crew, far.id, 'en_route', { batchedAt });
    // A hundred kilometres north: hours away at 40 km/h.
    await sendFix(farTruck.deviceId, { lat: 32.85, lng: 118.85, at: new Date(), speedKmh: 40 });
    const openRisks = async () =>
      (await crew.dispatcher.get('/alerts?open=true')).body.filter(
        (item: any) => item.type === 'load.deadline_risk.v1' && [near.id, far.id].includes(item.payload.load.id),
      );
    let alerts: any[] = [];
    await waitFor(
      "the far truck's load to be called at risk",
      async () => (alerts = await openRisks()).length > 0,
      15_000,
      100,
    );
    // The check that found the far load judged the near one too: it was on the road before.
    expect(alerts.map((item: any) => item.payload.load.id)).toEqual([far.id]);
    expect(alerts[0].payload.load.eta).toMatchObject({ beatsDeadline: false });
    expect(alerts[0].payload.load.minutesToDeadline).toBeGreaterThan(50);
  });
});
