import {
  adminSession,
  createPour,
  createUser,
  createWorld,
  deliverAllReports,
  documentForm,
  expectCreated,
  type PourWorld,
  TINY_PDF,
} from '../support/factories';
import type { Http } from '../support/http';

describe('Pre-pour technical documents and the release gate', () => {
  let admin: Http;
  let dispatcher: Http;
  let qc: Http;
  let world: PourWorld;

  beforeAll(async () => {
    admin = await adminSession();
    dispatcher = (await createUser(admin, 'dispatcher')).session;
    qc = (await createUser(admin, 'qc_inspector')).session;
    world = await createWorld(admin);
  });

  async function confirmedPour() {
    const pour = await createPour(dispatcher, world);
    await expectCreated(dispatcher.post(`/pours/${pour.id}/status`, { status: 'confirmed' }));
    return pour;
  }

  it('refuses to release a pour while a required report is undelivered, naming it', async () => {
    const pour = await confirmedPour();
    const uploaded = await expectCreated(qc.post(`/pours/${pour.id}/documents`, documentForm('cement_report')));
    expect(uploaded).toMatchObject({ type: 'cement_report', mimeType: 'application/pdf', deliveredAt: null });
    const answer = await dispatcher.post(`/pours/${pour.id}/status`, { status: 'ready' });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('documents_undelivered');
    expect(answer.body.message).toContain('cement_report');
    expect(answer.body.message).toContain('admixture_report');
    expect((await dispatcher.get(`/pours/${pour.id}`)).body.status).toBe('confirmed');
  });

  it('releases the pour once every required report is delivered, with time and person', async () => {
    const pour = await confirmedPour();
    await deliverAllReports(qc, pour.id);
    const documents = await qc.get(`/pours/${pour.id}/documents`);
    expect(documents.body).toHaveLength(5);
    for (const document of documents.body) {
      expect(document.deliveredTo).toBe('Site engineer Zhou');
      expect(document.deliveredBy).toBe('Test qc_inspector');
      expect(Date.parse(document.deliveredAt)).not.toBeNaN();
    }
    const answer = await dispatcher.post(`/pours/${pour.id}/status`, { status: 'ready' });
    expect(answer.status).toBe(200);
    expect(answer.body.undeliveredDocumentTypes).toEqual([]);
    expect(answer.body.documentGateOverride).toBeNull();
  });

  it('lets only an administrator override the gate, with a reason that is recorded', async () => {
    const pour = await confirmedPour();
    const reason = 'Admixture report delayed by the supplier; customer accepts in writing';
    const byDispatcher = await dispatcher.post(`/pours/${pour.id}/status`, { status: 'ready', overrideReason: reason });
    expect(byDispatcher.status).toBe(403);
    expect(byDispatcher.body.code).toBe('override_not_allowed');

    const tooShort = await admin.post(`/pours/${pour.id}/status`, { status: 'ready', overrideReason: 'late' });
    expect(tooShort.status).toBe(400);

    const byAdmin = await admin.post(`/pours/${pour.id}/status`, { status: 'ready', overrideReason: reason });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.documentGateOverride).toMatchObject({ reason, byName: 'Administrator' });

    const history = await admin.get(`/audit?entityType=pour&entityId=${pour.id}`);
    const release = history.body.items.find((entry: any) => entry.changes.to === 'ready');
    expect(release.changes.documentGateOverride.reason).toBe(reason);
    expect(release.actorName).toContain('admin');
  });

  it('serves the stored file back byte for byte', async () => {
    const pour = await createPour(dispatcher, world);
    const document = await expectCreated(qc.post(`/pours/${pour.id}/documents`, documentForm('sand_report')));
    const response = await fetch(`${process.env.POURLINE_API_URL}/api/documents/${document.id}/file`, {
      headers: { authorization: `Bearer ${dispatcher.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(TINY_PDF)).toBe(true);
  });

  it('refuses files that are not PDF, PNG or JPEG by their content, and oversized ones', async () => {
    const pour = await createPour(dispatcher, world);
    const text = await qc.post(`/pours/${pour.id}/documents`, documentForm('other', Buffer.from('hello'), 'fake.pdf'));
    expect(text.status).toBe(415);
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const oversized = await qc.post(`/pours/${pour.id}/documents`, documentForm('other', big));
    expect(oversized.status).toBe(413);
    const noFile = new FormData();
    noFile.append('type', 'other');
    noFile.append('title', 'nothing attached');
    expect((await qc.post(`/pours/${pour.id}/documents`, noFile)).status).toBe(400);
    const badType = await qc.post(`/pours/${pour.id}/documents`, documentForm('tax_report'));
    expect(badType.status).toBe(400);
    expect((await qc.get(`/pours/${pour.id}/documents`)).body).toEqual([]);
  });

  it('refuses a second delivery and the deletion of a delivered report', async () => {
    const pour = await createPour(dispatcher, world);
    const document = await expectCreated(qc.post(`/pours/${pour.id}/documents`, documentForm('cement_report')));
    await expectCreated(qc.post(`/documents/${document.id}/delivery`, { deliveredTo: 'Zhou' }));
    expect((await qc.post(`/documents/${document.id}/delivery`, { deliveredTo: 'Zhou' })).status).toBe(409);
    expect((await qc.delete(`/documents/${document.id}`)).status).toBe(409);
    const audit = await admin.get(`/audit?entityType=pour_document&entityId=${document.id}`);
    expect(audit.body.items.map((entry: any) => entry.action).sort()).toEqual(['delivered', 'uploaded']);
  });
});
