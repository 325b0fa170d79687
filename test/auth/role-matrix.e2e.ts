import { randomUUID } from 'node:crypto';
import {
  adminSession,
  createPour,
  createUser,
  createWorld,
  deliverAllReports,
  expectCreated,
} from '../support/factories';
import { Http } from '../support/http';
import { ROLES, type TestRole } from '../support/test-constants';

const ALL = ROLES;
/** The producer's own people; the construction party and its supervisor are not among them. */
const STAFF: TestRole[] = ROLES.filter((role) => role !== 'customer' && role !== 'supervisor');
const ADMIN: TestRole[] = ['admin'];
const PLANNERS: TestRole[] = ['admin', 'dispatcher'];
const QC: TestRole[] = ['admin', 'qc_inspector'];
/** The plant's own steps: the control room, and the dispatch room standing in for it. */
const PLANT: TestRole[] = ['admin', 'dispatcher', 'plant_operator'];
const SITE: TestRole[] = ['admin', 'dispatcher', 'site_dispatcher'];
const WATER: TestRole[] = ['admin', 'site_dispatcher', 'qc_inspector'];
/** A QC decision is the inspector's own: not even an administrator records or overrides one. */
const INSPECTOR: TestRole[] = ['qc_inspector'];
/** Those who talk about a pour while it is poured; after-sales reads what was said. */
const CONVERSATION: TestRole[] = ['admin', 'dispatcher', 'plant_operator', 'site_dispatcher', 'qc_inspector'];
/** Strength is judged by QC, answered for by after-sales and watched by the plant; the dispatch room has no need of it. */
const STRENGTH: TestRole[] = ['admin', 'plant_operator', 'qc_inspector', 'after_sales'];
/** A project's inspection lots and their warnings: the supervising engineer follows the acceptance of theirs. */
const LOTS: TestRole[] = [...STRENGTH, 'supervisor'];
/** Complaints: the customer raises and follows its own; after-sales works them; dispatch reads them. */
const COMPLAINT_READERS: TestRole[] = ['admin', 'dispatcher', 'after_sales', 'customer'];
const COMPLAINT_RAISERS: TestRole[] = ['admin', 'after_sales', 'customer'];
const AFTER_SALES: TestRole[] = ['admin', 'after_sales'];
/** Everything that happened to a pour, for those who answer for it. */
const EVIDENCE: TestRole[] = ['admin', 'dispatcher', 'qc_inspector', 'after_sales'];
const REPORTS: TestRole[] = ['admin', 'dispatcher', 'plant_operator', 'qc_inspector', 'after_sales'];

/**
 * Who may call what, written out by hand from PRODUCT.md's roles: it is the
 * specification the permission table in the code must meet, not a copy of it.
 */
const MATRIX: Record<string, readonly TestRole[] | 'public'> = {
  'POST /api/auth/login': 'public',
  // The console's sign-in and sign-out: a session in an httpOnly cookie.
  'POST /api/auth/session': 'public',
  'DELETE /api/auth/session': 'public',
  'GET /api/health': 'public',
  'GET /api/config': 'public',
  'GET /api/auth/me': ALL,
  // Tokens of a system account (the demo fleet), which has no password.
  'POST /api/auth/system-token': ADMIN,
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'GET /api/users/{id}': ADMIN,
  'PATCH /api/users/{id}': ADMIN,
  'GET /api/plants': ALL,
  'GET /api/plants/{id}': ALL,
  'POST /api/plants': ADMIN,
  'PATCH /api/plants/{id}': ADMIN,
  'DELETE /api/plants/{id}': ADMIN,
  'GET /api/customers': ['admin', 'dispatcher', 'after_sales'],
  'GET /api/customers/{id}': ['admin', 'dispatcher', 'after_sales'],
  'POST /api/customers': ADMIN,
  'PATCH /api/customers/{id}': ADMIN,
  'DELETE /api/customers/{id}': ADMIN,
  'GET /api/projects': ALL,
  'GET /api/projects/{id}': ALL,
  'POST /api/projects': ADMIN,
  'PATCH /api/projects/{id}': ADMIN,
  'DELETE /api/projects/{id}': ADMIN,
  'GET /api/mixes': ALL,
  'GET /api/mixes/{id}': ALL,
  'POST /api/mixes': ADMIN,
  'PATCH /api/mixes/{id}': ADMIN,
  'DELETE /api/mixes/{id}': ADMIN,
  'GET /api/trucks': ALL,
  'GET /api/trucks/{id}': ALL,
  'POST /api/trucks': ADMIN,
  'PATCH /api/trucks/{id}': ADMIN,
  'DELETE /api/trucks/{id}': ADMIN,
  'GET /api/pumps': ALL,
  'GET /api/pumps/{id}': ALL,
  'POST /api/pumps': ADMIN,
  'PATCH /api/pumps/{id}': ADMIN,
  'DELETE /api/pumps/{id}': ADMIN,
  'GET /api/pours': ALL,
  'GET /api/pours/{id}': ALL,
  'POST /api/pours': PLANNERS,
  'PATCH /api/pours/{id}': PLANNERS,
  'POST /api/pours/{id}/status': PLANNERS,
  'GET /api/pours/{id}/history': ALL,
  'GET /api/pours/{pourId}/documents': ALL,
  'POST /api/pours/{pourId}/documents': QC,
  'POST /api/documents/{id}/delivery': QC,
  // The construction party's own acknowledgement of receipt.
  'POST /api/documents/{id}/acknowledgement': ['customer'],
  'GET /api/documents/{id}/file': ALL,
  'DELETE /api/documents/{id}': QC,
  'GET /api/audit': PLANNERS,
  'GET /api/pours/{id}/loads': ALL,
  'POST /api/pours/{id}/loads': PLANNERS,
  'GET /api/loads/{id}': ALL,
  'GET /api/loads/{id}/events': ALL,
  'PATCH /api/loads/{id}/truck': PLANNERS,
  'POST /api/loads/{id}/start-loading': PLANT,
  'POST /api/loads/{id}/send-to-qc': PLANT,
  'POST /api/loads/{id}/depart': PLANT,
  'POST /api/loads/{id}/arrive': SITE,
  'POST /api/loads/{id}/start-discharge': SITE,
  'POST /api/loads/{id}/end-discharge': SITE,
  'POST /api/loads/{id}/leave-site': SITE,
  'POST /api/loads/{id}/back-at-plant': PLANT,
  'POST /api/loads/{id}/dispose': PLANT,
  'POST /api/loads/{id}/cancel': PLANNERS,
  'POST /api/loads/{id}/divert': PLANNERS,
  'GET /api/loads/{id}/water': ALL,
  'POST /api/loads/{id}/water': WATER,
  'GET /api/loads/{id}/ticket': ALL,
  'GET /api/loads/{id}/ticket/pdf': ALL,
  // The site signs: the site dispatcher's tablet or the customer's phone.
  'POST /api/loads/{id}/ticket/signature': ['site_dispatcher', 'customer'],
  'POST /api/loads/{id}/ticket/corrections': PLANNERS,
  'GET /api/loads/{id}/qc-tests': ALL,
  'POST /api/loads/{id}/qc-tests': ['qc_inspector', 'site_dispatcher'],
  'POST /api/qc-tests/{id}/override': INSPECTOR,
  'GET /api/pours/{id}/non-conformances': ALL,
  'GET /api/pours/{id}/sampling': ALL,
  'GET /api/pours/{id}/specimen-sets': ALL,
  'POST /api/pours/{id}/specimen-sets': INSPECTOR,
  'POST /api/specimen-sets/{id}/results': INSPECTOR,
  // The supervising engineer's signature witnessing the specimens' making.
  'POST /api/specimen-sets/{id}/witness': ['supervisor'],
  'GET /api/pours/{id}/strength': ALL,
  'GET /api/strength/lots': LOTS,
  'POST /api/strength/lots': INSPECTOR,
  'GET /api/strength/lots/{id}': LOTS,
  'POST /api/strength/lots/{id}/pours': INSPECTOR,
  'GET /api/strength/production-control': STRENGTH,
  'GET /api/strength/production-control.csv': STRENGTH,
  'GET /api/strength/trends': STRENGTH,
  'GET /api/strength/warnings': LOTS,
  // Trackers carry no user token; they are known by their registered device id.
  'GET /api/ingest/osmand': 'public',
  'POST /api/ingest/osmand': 'public',
  'POST /api/ingest/traccar': 'public',
  'POST /api/ingest/batch': 'public',
  'GET /api/tracking/positions': ALL,
  'GET /api/tracking/unknown-devices': PLANNERS,
  'GET /api/pumps-status': ALL,
  'POST /api/pumps/{id}/status': SITE,
  'GET /api/pumps/{id}/status-history': ALL,
  'POST /api/pours/{id}/requests': SITE,
  'GET /api/pours/{id}/requests': ALL,
  'POST /api/pours/{id}/dispatch-hold': PLANNERS,
  'POST /api/pours/{id}/dispatch-resume': PLANNERS,
  // The radio kept: the producer's people and the site; not the construction party.
  'GET /api/pours/{id}/log': STAFF,
  'POST /api/pours/{id}/messages': CONVERSATION,
  'POST /api/pour-messages/{id}/confirm': PLANNERS,
  'GET /api/alerts': ['admin', 'dispatcher', 'plant_operator', 'qc_inspector', 'after_sales'],
  'GET /api/plants/{id}/queue': PLANT,
  'GET /api/pour-requests': ALL,
  'POST /api/pour-requests/{id}/acknowledge': PLANNERS,
  // After-sales acknowledges the overdue alerts of complaints (only those: see the complaint workflow test).
  'POST /api/alerts/{seq}/acknowledge': [...PLANNERS, 'after_sales'],
  'GET /api/complaints': COMPLAINT_READERS,
  'POST /api/complaints': COMPLAINT_RAISERS,
  'GET /api/complaints/timers': COMPLAINT_READERS,
  'PUT /api/complaints/timers/{category}': ADMIN,
  'GET /api/complaints/{id}': COMPLAINT_READERS,
  'POST /api/complaints/{id}/steps': AFTER_SALES,
  'POST /api/complaints/{id}/actions': AFTER_SALES,
  'POST /api/complaints/{id}/actions/{actionId}/done': AFTER_SALES,
  'POST /api/complaints/{id}/follow-up': AFTER_SALES,
  'POST /api/complaints/{id}/photos': COMPLAINT_RAISERS,
  'GET /api/complaints/{id}/photos/{photoId}': COMPLAINT_READERS,
  'GET /api/pours/{id}/evidence': EVIDENCE,
  'GET /api/pours/{id}/evidence/pdf': EVIDENCE,
  'GET /api/reports/pours/{id}': REPORTS,
  'GET /api/reports/pours/{id}/loads.csv': REPORTS,
  'GET /api/reports/production': REPORTS,
  'GET /api/reports/production.csv': REPORTS,
  'GET /api/reports/qc-pass-rates': REPORTS,
  'GET /api/reports/qc-pass-rates.csv': REPORTS,
  'GET /api/reports/complaints': REPORTS,
  'GET /api/reports/complaints.csv': REPORTS,
  // The customer orders pours and answers their plans; the dispatch room plans or declines the orders.
  'GET /api/pour-orders': ALL,
  'POST /api/pour-orders': ['customer'],
  'POST /api/pour-orders/{id}/planned': PLANNERS,
  'POST /api/pour-orders/{id}/declined': PLANNERS,
  'GET /api/pours/{id}/plan-responses': ALL,
  'POST /api/pours/{id}/plan-responses': ['customer'],
  // The dispatch plan: read by the dispatch room and the plant it drives; decided by the dispatch room.
  'GET /api/pours/{id}/dispatch': PLANT,
  'POST /api/pours/{id}/dispatch/accept': PLANNERS,
  'PATCH /api/pours/{id}/dispatch': PLANNERS,
  'GET /api/dispatch/auto-pours': PLANNERS,
  'GET /api/plants/{id}/timeline': PLANT,
};

describe('Roles and permissions', () => {
  const sessions = {} as Record<TestRole, Http>;

  beforeAll(async () => {
    const admin = await adminSession();
    sessions.admin = admin;
    for (const role of ROLES.filter((role) => role !== 'admin'))
      sessions[role] = (await createUser(admin, role)).session;
  });

  it('covers every route of the OpenAPI document, and only those', async () => {
    const document = await new Http().get('/docs-json');
    const routes = Object.entries(document.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  describe.each(Object.entries(MATRIX))('%s', (route, allowed) => {
    const [method, template] = route.split(' ');
    // Unknown ids and empty bodies: an allowed caller gets past the guard and is
    // stopped by validation or lookup, so nothing changes while we probe.
    const path = template.replace('/api', '').replace(/\{[^}]+\}/g, randomUUID());

    it.each([...ROLES, 'anonymous' as const])('as %s', async (role) => {
      const http = role === 'anonymous' ? new Http() : sessions[role];
      const body = method === 'POST' || method === 'PATCH' || method === 'PUT' ? {} : undefined;
      const { status } = await http.request(method, path, body);
      if (allowed === 'public') expect(status).not.toBe(401);
      else if (role === 'anonymous') expect(status).toBe(401);
      else if (allowed.includes(role)) expect([401, 403]).not.toContain(status);
      else expect(status).toBe(403);
    });
  });

  describe('a site dispatcher', () => {
    let site: Http;
    let ownPourId: string;
    let otherPourId: string;

    beforeAll(async () => {
      const admin = sessions.admin;
      const { user, session } = await createUser(admin, 'site_dispatcher');
      site = session;
      const own = await createWorld(admin, [user.id]);
      const other = await createWorld(admin);
      ownPourId = (await createPour(admin, own, { scheduledStart: '2026-12-20T01:00:00Z' })).id;
      otherPourId = (await createPour(admin, other, { scheduledStart: '2026-12-20T02:00:00Z' })).id;
      await deliverAllReports(admin, otherPourId);
    });

    it('sees the pours of their assigned projects', async () => {
      expect((await site.get(`/pours/${ownPourId}`)).status).toBe(200);
      const list = await site.get('/pours?day=2026-12-20');
      expect(list.body.items.map((pour: any) => pour.id)).toEqual([ownPourId]);
    });

    it('cannot reach another project’s pour, its history, its log or its documents', async () => {
      expect((await site.get(`/pours/${otherPourId}`)).status).toBe(404);
      expect((await site.get(`/pours/${otherPourId}/history`)).status).toBe(404);
      expect((await site.get(`/pours/${otherPourId}/log`)).status).toBe(404);
      expect((await site.get(`/pours/${otherPourId}/documents`)).status).toBe(404);
      const documents = await sessions.admin.get(`/pours/${otherPourId}/documents`);
      expect((await site.get(`/documents/${documents.body[0].id}/file`)).status).toBe(404);
    });

    it('sees only their own projects', async () => {
      const projects = await site.get('/projects?pageSize=200');
      expect(projects.status).toBe(200);
      expect(projects.body.items).toHaveLength(1);
    });

    it('cannot plan or move a pour even on their own project', async () => {
      expect((await site.post(`/pours/${ownPourId}/status`, { status: 'confirmed' })).status).toBe(403);
      expect((await site.patch(`/pours/${ownPourId}`, { notes: 'x' })).status).toBe(403);
      const pour = await expectCreated(site.get(`/pours/${ownPourId}`));
      expect(pour.status).toBe('draft');
    });
  });

  describe.each(['customer', 'supervisor'] as const)('a %s', (role) => {
    let session: Http;
    let ownPourId: string;
    let otherPourId: string;
    let ownProjectId: string;

    beforeAll(async () => {
      const admin = sessions.admin;
      const own = await createWorld(admin);
      const other = await createWorld(admin);
      ownProjectId = own.project.id;
      const { user, session: signedIn } = await createUser(admin, role, own.project.customerId);
      session = signedIn;
      if (role === 'supervisor')
        await expectCreated(admin.patch(`/projects/${own.project.id}`, { supervisorIds: [user.id] }));
      ownPourId = (await createPour(admin, own, { scheduledStart: '2026-12-21T01:00:00Z' })).id;
      otherPourId = (await createPour(admin, other, { scheduledStart: '2026-12-21T02:00:00Z' })).id;
      await deliverAllReports(admin, otherPourId);
    });

    it('sees its own project and its pours, and nothing of another customer', async () => {
      const projects = await session.get('/projects?pageSize=200');
      expect(projects.body.items.map((project: any) => project.id)).toEqual([ownProjectId]);
      const list = await session.get('/pours?day=2026-12-21');
      expect(list.body.items.map((pour: any) => pour.id)).toEqual([ownPourId]);
      expect((await session.get(`/pours/${ownPourId}`)).status).toBe(200);
      expect((await session.get(`/pours/${otherPourId}`)).status).toBe(404);
      expect((await session.get(`/pours/${otherPourId}/loads`)).status).toBe(404);
      expect((await session.get(`/pours/${otherPourId}/documents`)).status).toBe(404);
      const documents = await sessions.admin.get(`/pours/${otherPourId}/documents`);
      expect((await session.get(`/documents/${documents.body[0].id}/file`)).status).toBe(404);
    });

    it('cannot plan, move or talk on its own pour', async () => {
      expect((await session.post(`/pours/${ownPourId}/status`, { status: 'confirmed' })).status).toBe(403);
      expect((await session.patch(`/pours/${ownPourId}`, { notes: 'x' })).status).toBe(403);
      expect((await session.post(`/pours/${ownPourId}/messages`, { text: 'x' })).status).toBe(403);
    });
  });

  it('refuses a customer account without its customer, and a customer link on any other role', async () => {
    const admin = sessions.admin;
    const base = { displayName: 'Nobody', password: 'pw-long-enough' };
    const unlinked = await admin.post('/users', {
      ...base,
      username: `c-${randomUUID().slice(0, 8)}`,
      role: 'customer',
    });
    expect(unlinked.status).toBe(400);
    const customer = await expectCreated(admin.post('/customers', { name: 'Linked' }));
    const linked = await admin.post('/users', {
      ...base,
      username: `d-${randomUUID().slice(0, 8)}`,
      role: 'dispatcher',
      customerId: customer.id,
    });
    expect(linked.status).toBe(400);
    const unknown = await admin.post('/users', {
      ...base,
      username: `e-${randomUUID().slice(0, 8)}`,
      role: 'customer',
      customerId: randomUUID(),
    });
    expect(unknown.status).toBe(404);
  });
  describe('a customer and its complaints', () => {
    let customer: Http;
    let ownPourId: string;
    let otherPourId: string;
    const complaintOn = (pourId: string) => ({
      category: 'delivery',
      pourId,
      title: 'Trucks bunched at the gate',
      description: 'Three trucks arrived together and waited forty minutes',
    });

    beforeAll(async () => {
      const admin = sessions.admin;
      const own = await createWorld(admin);
      const other = await createWorld(admin);
      customer = (await createUser(admin, 'customer', own.project.customerId)).session;
      ownPourId = (await createPour(admin, own, { scheduledStart: '2026-12-21T01:00:00Z' })).id;
      otherPourId = (await createPour(admin, other, { scheduledStart: '2026-12-21T02:00:00Z' })).id;
    });

    it('raises a complaint on its own pour and follows it, and cannot reach another customer’s', async () => {
      const raised = await expectCreated(customer.post('/complaints', complaintOn(ownPourId)));
      expect(raised).toMatchObject({ raisedVia: 'customer', state: 'received', pourId: ownPourId });
      expect((await customer.post('/complaints', complaintOn(otherPourId))).status).toBe(404);
      const foreign = await expectCreated(sessions.after_sales.post('/complaints', complaintOn(otherPourId)));
      const listed = (await customer.get('/complaints')).body.map((item: { id: string }) => item.id);
      expect(listed).toContain(raised.id);
      expect(listed).not.toContain(foreign.id);
      expect((await customer.get(`/complaints/${foreign.id}`)).status).toBe(404);
      expect((await customer.post(`/complaints/${raised.id}/steps`, { to: 'acknowledged', note: 'x' })).status).toBe(
        403,
      );
    });
  });
});
