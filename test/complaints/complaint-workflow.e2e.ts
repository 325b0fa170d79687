import type { AlertDto, ComplaintDto } from '@pourline/contracts';
import { createUser, expectCreated } from '../support/factories';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { Http, login } from '../support/http';
import {
  FAILING_SLUMP_MM,
  type LoadCrew,
  createCrew,
  createLoadWorld,
  createReadyPour,
  loadAt,
  loadOnSite,
  recordQcTest,
} from '../support/load-factories';
import { waitFor } from '../support/live-support';
import { ADMIN_PASSWORD } from '../support/test-constants';
import { ClockHost } from './fixtures/clock-host';

const T0 = new Date(Date.UTC(2026, 10, 30, 1, 0, 0));
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function photoForm(content: Buffer, name: string, type: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type }), name);
  return form;
}

/**
 * A complaint worked through every state on a clock the test moves: its
 * service promises are judged by that clock, an overdue one is raised as an
 * alert once, and the alert resolves when the step that keeps it is taken.
 */
describe('A complaint from receipt to closure, on the clock', () => {
  let host: ClockHost;
  let database: string;
  let previousUrl: string | undefined;
  let crew: LoadCrew;
  let afterSales: Http;
  let pour: { id: string; plantId: string };
  let complaint: ComplaintDto;

  const complaintAlerts = async (): Promise<AlertDto[]> =>
    ((await afterSales.get<AlertDto[]>('/alerts')).body ?? []).filter(
      (alert) => alert.type === 'complaint.overdue.v1' && (alert.payload as any).complaintId === complaint.id,
    );
  const step = (to: string, note: string) => afterSales.post(`/complaints/${complaint.id}/steps`, { to, note });

  beforeAll(async () => {
    database = await createDatabase('pourline_complaints');
    const started = await ClockHost.start(databaseUrl(database), ADMIN_PASSWORD, T0);
    host = started.host;
    previousUrl = process.env.POURLINE_API_URL;
    process.env.POURLINE_API_URL = started.baseUrl;
    const admin = await login('admin', ADMIN_PASSWORD);
    crew = await createCrew(admin);
    afterSales = (await createUser(admin, 'after_sales')).session;
    const world = await createLoadWorld(admin, crew);
    pour = await createReadyPour(crew, world);
  }, 180_000);

  afterAll(async () => {
    process.env.POURLINE_API_URL = previousUrl;
    await host?.stop();
    if (database) await dropDatabase(database);
  });

  it('receives a quality complaint on a pour, timed from the clock', async () => {
    complaint = await expectCreated(
      afterSales.post('/complaints', {
        category: 'quality',
        pourId: pour.id,
        title: 'Honeycombing on the slab edge',
        description: 'The customer reports voids along axis D after stripping the formwork.',
      }),
    );
    expect(complaint).toMatchObject({
      state: 'received',
      raisedVia: 'after_sales',
      number: expect.stringMatching(/^CP-\d{5}$/),
    });
    expect(complaint.receivedAt).toBe(T0.toISOString());
    expect(complaint.timers.map((timer) => [timer.timer, timer.dueAt, timer.status])).toEqual([
      ['acknowledge', at(60).toISOString(), 'running'],
      ['first_response', at(360).toISOString(), 'running'],
      ['resolve', at(1440).toISOString(), 'running'],
    ]);
    expect(complaint.steps).toEqual([
      { state: 'received', at: T0.toISOString(), byName: 'Test after_sales', note: 'Honeycombing on the slab edge' },
    ]);
  });

  it('raises nothing while the hour to acknowledge runs', async () => {
    await host.setClock(at(60));
    expect(await host.sweep()).toBe(0);
    expect(await complaintAlerts()).toEqual([]);
  });

  it('raises the broken promise to acknowledge as an alert, once', async () => {
    await host.setClock(at(61));
    expect(await host.sweep()).toBe(1);
    expect(await host.sweep()).toBe(0);
    const [alert] = await waitFor('the overdue alert', async () =>
      (await complaintAlerts()).length ? complaintAlerts() : null,
    );
    expect(alert).toMatchObject({
      type: 'complaint.overdue.v1',
      acknowledgement: null,
      resolvedAt: null,
      payload: { timer: 'acknowledge', number: complaint.number, dueAt: at(60).toISOString() },
    });
    expect(alert.summary).toContain('overdue to acknowledge');
    const listed = await afterSales.get<any[]>('/complaints?state=open');
    expect(listed.body.find((item) => item.id === complaint.id)).toMatchObject({ overdue: true });
  });

  it('lets after-sales acknowledge that alert, not a dispatch alert', async () => {
    const [alert] = await complaintAlerts();
    const answer = await afterSales.post(`/alerts/${alert.seq}/acknowledge`, { note: 'Calling the site manager now' });
    expect(answer.status).toBe(200);
    expect(answer.body.acknowledgement).toMatchObject({ byName: 'Test after_sales' });
  });

  it('takes the steps in order only', async () => {
    await host.setClock(at(62));
    const skipped = await step('investigating', 'Skipping ahead');
    expect(skipped.status).toBe(409);
    expect(skipped.body.code).toBe('complaint_not_next');
    const acknowledged = await step('acknowledged', 'Received; site visit tomorrow morning');
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.timers[0]).toMatchObject({
      timer: 'acknowledge',
      status: 'met_late',
      metAt: at(62).toISOString(),
    });
  });

  it('resolves the overdue alert once the complaint is acknowledged', async () => {
    const [alert] = await waitFor('the alert resolved', async () => {
      const alerts = await complaintAlerts();
      return alerts[0]?.resolvedAt ? alerts : null;
    });
    expect(alert.resolvedAt).toBe(at(62).toISOString());
    const open = await afterSales.get<AlertDto[]>('/alerts?open=true');
    expect(open.body.some((item) => item.seq === alert.seq)).toBe(false);
  });

  it('gives its first response in time, and rectifies with corrective actions', async () => {
    await host.setClock(at(300));
    expect((await step('investigating', 'Cores taken; batch records pulled')).status).toBe(200);
    await host.setClock(at(400));
    expect(await host.sweep()).toBe(0);
    const added = await afterSales.post(`/complaints/${complaint.id}/actions`, {
      description: 'Repair the edge with a polymer mortar',
      owner: 'Zhang Wei, site service',
      dueDate: '2026-12-01',
    });
    expect(added.status).toBe(201);
    expect((await step('rectification', 'Repair agreed with the customer')).status).toBe(200);
    const early = await step('verified', 'Repair looks done');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('complaint_corrective_actions_open');
    const actionId = added.body.actions[0].id;
    const done = await afterSales.post(`/complaints/${complaint.id}/actions/${actionId}/done`, {
      note: 'Repaired and cured',
    });
    expect(done.status).toBe(200);
    expect(done.body.actions[0].done).toMatchObject({ byName: 'Test after_sales', note: 'Repaired and cured' });
    await host.setClock(at(1200));
    const verified = await step('verified', 'Checked on site with the supervisor');
    expect(verified.status).toBe(200);
    expect(verified.body.timers.map((timer: any) => timer.status)).toEqual(['met_late', 'met', 'met']);
  });

  it('closes only after a follow-up visit and the customer’s satisfaction', async () => {
    await host.setClock(at(2000));
    expect((await step('closed', 'Done')).body.code).toBe('complaint_needs_follow_up');
    const badScore = await afterSales.post(`/complaints/${complaint.id}/follow-up`, {
      visitedOn: '2026-12-02',
      note: 'Visited',
      satisfaction: 6,
      satisfactionComment: '',
    });
    expect(badScore.status).toBe(400);
    const followUp = await afterSales.post(`/complaints/${complaint.id}/follow-up`, {
      visitedOn: '2026-12-02',
      note: 'Visited with the project manager',
      satisfaction: 4,
      satisfactionComment: 'Quick repair, would like earlier notice',
    });
    expect(followUp.status).toBe(200);
    const closed = await step('closed', 'Customer satisfied; closing');
    expect(closed.status).toBe(200);
    expect(closed.body.followUp).toMatchObject({ satisfaction: 4, visitedOn: '2026-12-02' });
    expect(closed.body.steps.map((item: any) => [item.state, item.at])).toEqual([
      ['received', T0.toISOString()],
      ['acknowledged', at(62).toISOString()],
      ['investigating', at(300).toISOString()],
      ['rectification', at(400).toISOString()],
      ['verified', at(1200).toISOString()],
      ['closed', at(2000).toISOString()],
    ]);
    expect((await step('closed', 'Again')).body.code).toBe('complaint_closed');
    expect(await host.sweep()).toBe(0);
  });

  it('follows the category’s own timers once the producer sets them', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const disordered = await admin.request('PUT', '/complaints/timers/delivery', {
      acknowledge: 60,
      first_response: 30,
      resolve: 600,
    });
    expect(disordered.status).toBe(400);
    const set = await admin.request('PUT', '/complaints/timers/delivery', {
      acknowledge: 10,
      first_response: 30,
      resolve: 120,
    });
    expect(set.status).toBe(200);
    const delivery = await expectCreated(
      afterSales.post('/complaints', {
        category: 'delivery',
        pourId: pour.id,
        title: 'Truck came 40 minutes late',
        description: 'Second truck of the morning arrived late and the pump stood idle.',
      }),
    );
    expect(delivery.timers[0].dueAt).toBe(at(2010).toISOString());
    await host.setClock(at(2011));
    expect(await host.sweep()).toBe(1);
  });

  it('links a return of concrete to the rejected load and its non-conformance, and only a rejected one', async () => {
    const onSite = await loadOnSite(crew, pour);
    const test = await recordQcTest(crew.qc, onSite.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    expect(test.body.outcome).toBe('rejected');
    const returned = await expectCreated(
      afterSales.post('/complaints', {
        category: 'quality',
        ticketNumber: onSite.ticketNumber,
        concreteReturned: true,
        title: 'Load sent back: slump too low',
        description: 'Rejected on site and taken back; the customer asks for a credit note.',
      }),
    );
    const records = await crew.dispatcher.get(`/pours/${pour.id}/non-conformances`);
    expect(returned).toMatchObject({
      loadId: onSite.id,
      ticketNumber: onSite.ticketNumber,
      pourId: pour.id,
      concreteReturned: true,
      nonConformanceId: records.body.find((record: any) => record.loadId === onSite.id).id,
    });
    const delivered = await loadAt(crew, pour, 'discharged');
    const refused = await afterSales.post('/complaints', {
      category: 'quality',
      loadId: delivered.id,
      concreteReturned: true,
      title: 'Return',
      description: 'Not rejected',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('return_without_rejection');
  });

  it('takes photos by their content and size', async () => {
    const ok = await afterSales.post(`/complaints/${complaint.id}/photos`, photoForm(PNG, 'edge.png', 'image/png'));
    expect(ok.status).toBe(201);
    expect(ok.body.photos[0]).toMatchObject({ mimeType: 'image/png', sizeBytes: PNG.length, fileName: 'edge.png' });
    const photo = await fetch(
      `${process.env.POURLINE_API_URL}/api/complaints/${complaint.id}/photos/${ok.body.photos[0].id}`,
      {
        headers: { authorization: `Bearer ${afterSales.token}` },
      },
    );
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(PNG);
    const disguised = await afterSales.post(
      `/complaints/${complaint.id}/photos`,
      photoForm(Buffer.from('=cmd|calc'), 'edge.png', 'image/png'),
    );
    expect(disguised.status).toBe(400);
    expect(disguised.body.code).toBe('photo_not_image');
    const huge = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect(
      (await afterSales.post(`/complaints/${complaint.id}/photos`, photoForm(huge, 'big.png', 'image/png'))).status,
    ).toBe(413);
    expect((await afterSales.get(`/complaints/${complaint.id}`)).body.photos).toHaveLength(1);
  });

  it('refuses bad input and the wrong role, changing nothing', async () => {
    const before = (await afterSales.get<any[]>('/complaints')).body.length;
    const base = {
      category: 'service',
      pourId: pour.id,
      title: 'Rude driver',
      description: 'Driver shouted at the gate',
    };
    expect((await afterSales.post('/complaints', { ...base, extra: 1 })).status).toBe(400);
    expect((await afterSales.post('/complaints', { ...base, category: 'weather' })).status).toBe(400);
    expect((await afterSales.post('/complaints', { ...base, title: 'a\u0000b' })).status).toBe(400);
    expect((await afterSales.post('/complaints', { ...base, pourId: undefined })).status).toBe(400);
    expect((await afterSales.post('/complaints', { ...base, pourId: crypto.randomUUID() })).status).toBe(404);
    expect((await crew.dispatcher.post('/complaints', base)).status).toBe(403);
    expect((await crew.dispatcher.post(`/complaints/${complaint.id}/steps`, { to: 'closed', note: 'x' })).status).toBe(
      403,
    );
    expect((await afterSales.get<any[]>('/complaints')).body.length).toBe(before);
  });
});
