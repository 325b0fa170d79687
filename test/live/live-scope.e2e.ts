import { createHmac } from 'node:crypto';
import type { PumpStatusDto } from '@pourline/contracts';
import { adminSession, createUser, expectCreated, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import { createCrew, createLoadWorld, createReadyPour, type LoadCrew } from '../support/load-factories';
import { connectReady, type LiveRecorder, sleep, waitFor } from '../support/live-support';
import { E2E_JWT_SECRET } from '../support/test-constants';

function signedToken(claims: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', E2E_JWT_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

const pumpEvent = (socket: LiveRecorder, pumpId: string, note: string) =>
  socket.received.some(
    (item) => item.name === 'pump.status.v1' && item.data.payload.pumpId === pumpId && item.data.payload.note === note,
  );

describe('Live scope follows changes of who may see what', () => {
  let admin: Http;
  let crew: LoadCrew;
  let kept: PourWorld;
  let taken: PourWorld;

  const setPump = (world: PourWorld, note: string) =>
    expectCreated<PumpStatusDto>(crew.dispatcher.post(`/pumps/${world.pump.id}/status`, { status: 'idle', note }));
  const assign = (world: PourWorld, siteDispatcherIds: string[]) =>
    expectCreated(admin.patch(`/projects/${world.project.id}`, { siteDispatcherIds }));

  beforeAll(async () => {
    admin = await adminSession();
    crew = await createCrew(admin);
    [kept, taken] = await Promise.all([createLoadWorld(admin, crew), createLoadWorld(admin, crew)]);
    await Promise.all([createReadyPour(crew, kept), createReadyPour(crew, taken)]);
  });

  describe('a site dispatcher taken off a project', () => {
    let site: LiveRecorder;

    beforeAll(async () => {
      site = await connectReady({ token: crew.site.token });
      await setPump(taken, 'before: still theirs');
      await waitFor('the event of the project before', () => pumpEvent(site, taken.pump.id, 'before: still theirs'));
      await assign(taken, []);
    });

    afterAll(() => site.close());

    it('stops receiving its events within 5 s, and keeps receiving the projects still theirs', async () => {
      const started = Date.now();
      await setPump(taken, 'after: taken away');
      await setPump(kept, 'after: still theirs');
      await waitFor('the kept project’s event', () => pumpEvent(site, kept.pump.id, 'after: still theirs'));
      // Let anything that was going to arrive for the project taken away arrive.
      await sleep(500);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(pumpEvent(site, taken.pump.id, 'after: taken away')).toBe(false);
      expect(site.socket.connected).toBe(true);
    });

    it('no longer lists the project’s pump among the pump statuses', async () => {
      const answer = await crew.site.get<PumpStatusDto[]>('/pumps-status');
      expect(answer.status).toBe(200);
      expect(answer.body.map((status) => status.pumpId)).toEqual([kept.pump.id]);
    });

    it('receives the project again, on the same socket, once put back on it', async () => {
      await assign(taken, [crew.siteUserId]);
      await setPump(taken, 'back: theirs again');
      await waitFor('the project’s event after being put back', () =>
        pumpEvent(site, taken.pump.id, 'back: theirs again'),
      );
    });
  });

  describe('a customer', () => {
    let customer: LiveRecorder;
    let supervisor: LiveRecorder;
    let moved: PourWorld;

    beforeAll(async () => {
      const person = await createUser(admin, 'customer', kept.project.customerId);
      const engineer = await createUser(admin, 'supervisor');
      await expectCreated(admin.patch(`/projects/${kept.project.id}`, { supervisorIds: [engineer.user.id] }));
      moved = await createLoadWorld(admin, crew);
      await createReadyPour(crew, moved);
      customer = await connectReady({ token: person.session.token });
      supervisor = await connectReady({ token: engineer.session.token });
    });

    afterAll(() => {
      customer.close();
      supervisor.close();
    });

    it('receives its own project’s events and never another customer’s; so does the supervisor of the project', async () => {
      await setPump(taken, 'other customer');
      await setPump(moved, 'other customer too');
      await setPump(kept, 'their own');
      await waitFor('the customer’s own event', () => pumpEvent(customer, kept.pump.id, 'their own'));
      await waitFor('the supervised project’s event', () => pumpEvent(supervisor, kept.pump.id, 'their own'));
      await sleep(500);
      for (const socket of [customer, supervisor]) {
        expect(pumpEvent(socket, taken.pump.id, 'other customer')).toBe(false);
        expect(pumpEvent(socket, moved.pump.id, 'other customer too')).toBe(false);
      }
    });

    it('receives a project handed over to its customer at once, on the same socket', async () => {
      await expectCreated(admin.patch(`/projects/${moved.project.id}`, { customerId: kept.project.customerId }));
      await setPump(moved, 'now theirs');
      await waitFor('the handed-over project’s event', () => pumpEvent(customer, moved.pump.id, 'now theirs'));
      expect(pumpEvent(supervisor, moved.pump.id, 'now theirs')).toBe(false);
    });
  });

  it('closes the socket of a deactivated user with a reason', async () => {
    const person = await createUser(admin, 'site_dispatcher');
    const socket = await connectReady({ token: person.session.token });
    try {
      expect((await admin.patch(`/users/${person.user.id}`, { active: false })).status).toBe(200);
      await waitFor('the socket closed', () => socket.disconnectReason, 5_000);
      expect(socket.error).toEqual({ code: 'account_deactivated', message: expect.stringMatching(/deactivated/) });
      expect(socket.disconnectReason).toBe('io server disconnect');
    } finally {
      socket.close();
    }
  });

  it('closes a socket when its token expires, with a reason', async () => {
    const person = await createUser(admin, 'dispatcher');
    const now = Math.floor(Date.now() / 1000);
    const token = signedToken({ sub: person.user.id, role: 'dispatcher', iat: now, exp: now + 3 });
    const socket = await connectReady({ token });
    try {
      await waitFor('the socket closed', () => socket.disconnectReason, 6_000);
      expect(socket.error).toEqual({ code: 'token_expired', message: expect.stringMatching(/expired/) });
    } finally {
      socket.close();
    }
  });
});
