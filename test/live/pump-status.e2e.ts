import { randomUUID } from 'node:crypto';
import type { PumpStatusDto } from '@pourline/contracts';
import { adminSession, createUser, expectCreated, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  DISPATCHER_NAME,
  type LoadCrew,
  SITE_NAME,
} from '../support/load-factories';
import { connectReady, type LiveRecorder } from '../support/live-support';

describe('Pump status on site', () => {
  let crew: LoadCrew;
  let ownWorld: PourWorld;
  let otherWorld: PourWorld;
  let otherSite: Http;
  let afterSales: Http;

  /** History and the current list state the change alone; the pour it served is named where it is announced. */
  const recorded = ({ pour: _pour, ...change }: PumpStatusDto): PumpStatusDto => change;

  const history = async (session: Http, pumpId: string) => {
    const answer = await session.get<PumpStatusDto[]>(`/pumps/${pumpId}/status-history`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    const [other, sales] = await Promise.all([createUser(admin, 'site_dispatcher'), createUser(admin, 'after_sales')]);
    otherSite = other.session;
    afterSales = sales.session;
    ownWorld = await createLoadWorld(admin, crew);
    otherWorld = await createLoadWorld(admin, crew, { siteDispatcherIds: [other.user.id] });
    // Each pump is planned on an open pour of its project.
    await Promise.all([createReadyPour(crew, ownWorld), createReadyPour(crew, otherWorld)]);
  });

  describe('set by the dispatch room and the site, kept as history, pushed live', () => {
    let dispatcherSocket: LiveRecorder;
    let siteSocket: LiveRecorder;
    let otherSiteSocket: LiveRecorder;
    let settingUp: PumpStatusDto;
    let pumping: PumpStatusDto;

    beforeAll(async () => {
      [dispatcherSocket, siteSocket, otherSiteSocket] = await Promise.all([
        connectReady({ token: crew.dispatcher.token }),
        connectReady({ token: crew.site.token }),
        connectReady({ token: otherSite.token }),
      ]);
      const first = await crew.dispatcher.post(`/pumps/${ownWorld.pump.id}/status`, {
        status: 'setting_up',
        note: 'Outriggers down at the east gate',
      });
      expect(first.status).toBe(201);
      settingUp = first.body;
      const second = await crew.site.post(`/pumps/${ownWorld.pump.id}/status`, { status: 'pumping' });
      expect(second.status).toBe(201);
      pumping = second.body;
    });

    afterAll(() => {
      for (const socket of [dispatcherSocket, siteSocket, otherSiteSocket]) socket.close();
    });

    it('answers the change with who made it, when, and the note', () => {
      expect(settingUp).toEqual({
        pumpId: ownWorld.pump.id,
        status: 'setting_up',
        at: expect.any(String),
        byName: DISPATCHER_NAME,
        note: 'Outriggers down at the east gate',
        pour: { pourId: expect.any(String), structuralElement: expect.any(String), siteName: expect.any(String) },
      });
      expect(pumping).toMatchObject({ pumpId: ownWorld.pump.id, status: 'pumping', byName: SITE_NAME, note: '' });
      expect(Date.parse(pumping.at)).toBeGreaterThanOrEqual(Date.parse(settingUp.at));
    });

    it('keeps every change in the history, newest first, readable by every role', async () => {
      const changes = [pumping, settingUp].map(recorded);
      expect(await history(crew.dispatcher, ownWorld.pump.id)).toEqual(changes);
      expect(await history(crew.qc, ownWorld.pump.id)).toEqual(changes);
      expect(await history(crew.site, ownWorld.pump.id)).toEqual(changes);
    });

    it('shows the newest status as the pump’s current one', async () => {
      const answer = await crew.dispatcher.get<PumpStatusDto[]>('/pumps-status');
      expect(answer.status).toBe(200);
      expect(answer.body.find((status) => status.pumpId === ownWorld.pump.id)).toEqual(recorded(pumping));
    });

    it('pushes each change as pump.status.v1 to the dispatch room and the project’s site dispatcher', async () => {
      for (const socket of [dispatcherSocket, siteSocket]) {
        await socket.waitForEvent(
          'the pumping status',
          (item) =>
            item.name === 'pump.status.v1' &&
            item.data.payload.status === 'pumping' &&
            item.data.payload.pumpId === ownWorld.pump.id,
        );
        const pushed = socket.numbered(
          (item) => item.name === 'pump.status.v1' && item.data.payload.pumpId === ownWorld.pump.id,
        );
        expect(pushed.map((event) => event.payload)).toEqual([settingUp, pumping]);
        expect(pushed[1].seq).toBeGreaterThan(pushed[0].seq);
      }
    });

    it('does not push it to the site dispatcher of another project', () => {
      expect(JSON.stringify(otherSiteSocket.received)).not.toContain(ownWorld.pump.id);
    });

    it('does not list it, its note or who set it, to the site dispatcher of another project', async () => {
      await expectCreated(crew.dispatcher.post(`/pumps/${otherWorld.pump.id}/status`, { status: 'idle' }));
      const answer = await otherSite.get<PumpStatusDto[]>('/pumps-status');
      expect(answer.status).toBe(200);
      expect(answer.body.map((status) => status.pumpId)).toEqual([otherWorld.pump.id]);
      const own = await crew.site.get<PumpStatusDto[]>('/pumps-status');
      expect(own.body.map((status) => status.pumpId)).toEqual([ownWorld.pump.id]);
    });
  });

  describe('refusals change nothing', () => {
    let before: PumpStatusDto[];
    beforeAll(async () => {
      before = await history(crew.dispatcher, ownWorld.pump.id);
    });
    afterAll(async () => {
      expect(await history(crew.dispatcher, ownWorld.pump.id)).toEqual(before);
    });

    it('refuses a QC inspector and after-sales: 403', async () => {
      for (const session of [crew.qc, afterSales]) {
        const answer = await session.post(`/pumps/${ownWorld.pump.id}/status`, { status: 'blocked' });
        expect(answer.status).toBe(403);
      }
    });

    it('refuses a status that does not exist, and a note over 500 characters: 400', async () => {
      const unknown = await crew.dispatcher.post(`/pumps/${ownWorld.pump.id}/status`, { status: 'exploded' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('status');
      const missing = await crew.dispatcher.post(`/pumps/${ownWorld.pump.id}/status`, { note: 'no status' });
      expect(missing.status).toBe(400);
      const long = await crew.dispatcher.post(`/pumps/${ownWorld.pump.id}/status`, {
        status: 'blocked',
        note: 'x'.repeat(501),
      });
      expect(long.status).toBe(400);
      expect(long.body.message).toContain('note');
    });

    it('answers 404 for a pump that does not exist', async () => {
      const id = randomUUID();
      expect((await crew.dispatcher.post(`/pumps/${id}/status`, { status: 'idle' })).status).toBe(404);
      expect((await crew.dispatcher.get(`/pumps/${id}/status-history`)).status).toBe(404);
    });

    it('answers 404 to a site dispatcher for a pump on another project, for writing and reading', async () => {
      const write = await otherSite.post(`/pumps/${ownWorld.pump.id}/status`, { status: 'breakdown' });
      expect(write.status).toBe(404);
      expect((await otherSite.get(`/pumps/${ownWorld.pump.id}/status-history`)).status).toBe(404);
      // …while their own project's pump is theirs to set.
      const own = await otherSite.post(`/pumps/${otherWorld.pump.id}/status`, { status: 'moving' });
      expect(own.status).toBe(201);
    });
  });
});
