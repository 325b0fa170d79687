import type { PourRequestDto } from '@pourline/contracts';
import { adminSession, createUser, expectCreated } from '../support/factories';
import { connectReady, type LiveRecorder } from '../support/live-support';
import { createCrew, createLoadWorld, createReadyPour, type LoadCrew } from '../support/load-factories';

const requestEvent = (id: string, acknowledged: boolean) => (item: { name: string; data: any }) =>
  item.name === 'pour.request.v1' &&
  item.data.payload.id === id &&
  (item.data.payload.acknowledgement !== null) === acknowledged;

/** A site asks, the dispatch room hears it at once and says "copy", and the site sees who copied it. */
describe('Site requests to the dispatch room', () => {
  let crew: LoadCrew;
  const sockets: LiveRecorder[] = [];

  beforeAll(async () => {
    crew = await createCrew(await adminSession());
  });

  afterAll(() => sockets.forEach((socket) => socket.close()));

  const connect = async (token: string) => {
    const socket = await connectReady({ token });
    sockets.push(socket);
    return socket;
  };

  it('reaches the dispatch room live, is copied once, and the copy reaches the site live', async () => {
    const pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew));
    const dispatchRoom = await connect(crew.dispatcher.token!);
    const tablet = await connect(crew.site.token!);

    const asked = await crew.site.post(`/pours/${pour.id}/requests`, { kind: 'hold', note: 'Pump line blocked' });
    expect(asked.status).toBe(201);
    const request: PourRequestDto = asked.body;
    expect(request.acknowledgement).toBeNull();
    const heard = await dispatchRoom.waitForEvent('the hold request', requestEvent(request.id, false), 2_000);
    expect(heard.data.payload).toMatchObject({ kind: 'hold', note: 'Pump line blocked', pourId: pour.id });

    const open: PourRequestDto[] = await expectCreated(crew.dispatcher.get('/pour-requests'));
    expect(open.map((item) => item.id)).toContain(request.id);

    expect((await crew.site.post(`/pour-requests/${request.id}/acknowledge`, {})).status).toBe(403);
    const copied = await crew.dispatcher.post(`/pour-requests/${request.id}/acknowledge`, { note: 'Holding T05' });
    expect(copied.status).toBe(200);
    expect(copied.body.acknowledgement).toMatchObject({ byName: 'Test dispatcher', note: 'Holding T05' });

    const seen = await tablet.waitForEvent('the copy', requestEvent(request.id, true), 2_000);
    expect(seen.data.payload.acknowledgement.byName).toBe('Test dispatcher');

    const again = await crew.dispatcher.post(`/pour-requests/${request.id}/acknowledge`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('Test dispatcher');
    const stillOpen: PourRequestDto[] = (await crew.dispatcher.get('/pour-requests')).body;
    expect(stillOpen.map((item) => item.id)).not.toContain(request.id);
    const listed: PourRequestDto[] = (await crew.site.get(`/pours/${pour.id}/requests`)).body;
    expect(listed.find((item) => item.id === request.id)?.acknowledgement?.note).toBe('Holding T05');
  });

  it('keeps another project’s requests from a site dispatcher, and unknown ids answer 404', async () => {
    const pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew));
    const request: PourRequestDto = (await crew.site.post(`/pours/${pour.id}/requests`, { kind: 'slow_down' })).body;
    const stranger = await createUser(crew.admin, 'site_dispatcher');
    const theirs: PourRequestDto[] = (await stranger.session.get('/pour-requests')).body;
    expect(theirs.map((item) => item.id)).not.toContain(request.id);
    const otherDispatcher = await createUser(crew.admin, 'dispatcher');
    const unknown = await otherDispatcher.session.post(
      '/pour-requests/00000000-0000-4000-8000-000000000000/acknowledge',
      {},
    );
    expect(unknown.status).toBe(404);
    expect((await crew.dispatcher.post('/pour-requests/not-an-id/acknowledge', {})).status).toBe(400);
    const tooLong = await crew.dispatcher.post(`/pour-requests/${request.id}/acknowledge`, { note: 'x'.repeat(201) });
    expect(tooLong.status).toBe(400);
    const hostile = await crew.dispatcher.post(`/pour-requests/${request.id}/acknowledge`, { note: 'copy\u0000' });
    expect(hostile.status).toBe(400);
    expect((await crew.dispatcher.get('/pour-requests')).body.map((item: PourRequestDto) => item.id)).toContain(
      request.id,
    );
  });

  it('shows a dispatcher’s hold, with its reason, to the site live and after a reload', async () => {
    const pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew));
    const tablet = await connect(crew.site.token!);
    await crew.dispatcher.post(`/pours/${pour.id}/dispatch-hold`, { reason: 'Plant mixer fault' });
    const live = await tablet.waitForEvent(
      'the hold',
      (item) =>
        item.name === 'pour.status.v1' && item.data.payload.pourId === pour.id && item.data.payload.dispatchHeld,
      2_000,
    );
    expect(live.data.payload.dispatchHold).toMatchObject({ reason: 'Plant mixer fault', byName: 'Test dispatcher' });
    const reloaded = await expectCreated(crew.site.get(`/pours/${pour.id}`));
    expect(reloaded.dispatchHold).toMatchObject({ reason: 'Plant mixer fault' });

    await crew.dispatcher.post(`/pours/${pour.id}/dispatch-resume`, {});
    await tablet.waitForEvent(
      'the resume',
      (item) =>
        item.name === 'pour.status.v1' &&
        item.data.payload.pourId === pour.id &&
        item.data.payload.dispatchHold === null,
      2_000,
    );
  });
});
