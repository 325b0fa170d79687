import type { PlanResponseDto, PourDocumentDto, PourOrderDto, SpecimenSetDto } from '@pourline/contracts';
import {
  adminSession,
  createPour,
  createUser,
  documentForm,
  expectCreated,
  type PourWorld,
} from '../support/factories';
import type { Http } from '../support/http';
import { createCrew, createLoadWorld, createReadyPour, type LoadCrew, loadOnSite } from '../support/load-factories';
import { drawnSignature } from '../support/signatures';

describe('The customer’s side', () => {
  let admin: Http;
  let crew: LoadCrew;
  let world: PourWorld;
  let customer: Http;
  let stranger: Http;

  beforeAll(async () => {
    admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
    customer = (await createUser(admin, 'customer', world.project.customerId)).session;
    stranger = (await createUser(admin, 'customer')).session;
  });

  describe('ordering a pour', () => {
    const order = () => ({
      projectId: world.project.id,
      structuralElement: '5F slab, axis 1–8',
      volumeM3: 180,
      wantedStart: '2026-12-24T00:30:00Z',
      strengthGrade: 'C30',
      slumpMm: 180,
      pumpWanted: true,
      notes: 'Night pour allowed',
    });

    it('is requested by the customer, seen by dispatch and answered with the planned pour', async () => {
      const requested = await expectCreated<PourOrderDto>(customer.post('/pour-orders', order()));
      expect(requested).toMatchObject({ status: 'requested', projectName: world.project.name, pumpWanted: true });
      const open = await crew.dispatcher.get<PourOrderDto[]>('/pour-orders?status=requested');
      expect(open.body.map((item) => item.id)).toContain(requested.id);
      const pour = await createPour(crew.dispatcher, world, { scheduledStart: '2026-12-24T00:30:00Z' });
      const planned = await crew.dispatcher.post<PourOrderDto>(`/pour-orders/${requested.id}/planned`, {
        pourId: pour.id,
      });
      expect(planned.status).toBe(200);
      expect(planned.body).toMatchObject({ status: 'planned', pourId: pour.id });
      const again = await crew.dispatcher.post(`/pour-orders/${requested.id}/declined`, { reason: 'Changed my mind' });
      expect(again.status).toBe(409);
    });

    it('is refused for another customer’s project, with unknown fields or out of range, changing nothing', async () => {
      expect((await stranger.post('/pour-orders', order())).status).toBe(404);
      expect((await customer.post('/pour-orders', { ...order(), price: 1 })).status).toBe(400);
      expect((await customer.post('/pour-orders', { ...order(), volumeM3: -3 })).status).toBe(400);
      expect((await customer.post('/pour-orders', { ...order(), strengthGrade: 'C31' })).status).toBe(400);
      expect((await customer.post('/pour-orders', { ...order(), notes: 'a\u0000b' })).status).toBe(400);
      expect((await stranger.get<PourOrderDto[]>('/pour-orders')).body).toEqual([]);
    });
  });

  describe('a plan', () => {
    it('is agreed by the customer, or sent back with a note that must say what to change', async () => {
      const pour = await createPour(crew.dispatcher, world);
      const bare = await customer.post(`/pours/${pour.id}/plan-responses`, { decision: 'changes_requested' });
      expect(bare.status).toBe(400);
      const changes = await expectCreated<PlanResponseDto>(
        customer.post(`/pours/${pour.id}/plan-responses`, {
          decision: 'changes_requested',
          note: 'Start at axis 8, the crane stands at axis 1',
        }),
      );
      expect(changes).toMatchObject({ decision: 'changes_requested', planVersion: expect.any(Number) });
      const agreed = await expectCreated<PlanResponseDto>(
        customer.post(`/pours/${pour.id}/plan-responses`, { decision: 'agreed' }),
      );
      const responses = await crew.dispatcher.get<PlanResponseDto[]>(`/pours/${pour.id}/plan-responses`);
      expect(responses.body.map((response) => response.id)).toEqual([changes.id, agreed.id]);
      expect((await stranger.post(`/pours/${pour.id}/plan-responses`, { decision: 'agreed' })).status).toBe(404);
    });
  });

  describe('a pre-pour report', () => {
    it('is acknowledged by the customer itself once it has an account; the producer’s manual mark is then refused', async () => {
      const pour = await createPour(crew.dispatcher, world);
      const document = await expectCreated<PourDocumentDto>(
        crew.qc.post(`/pours/${pour.id}/documents`, documentForm('mix_design_report')),
      );
      const manual = await crew.qc.post(`/documents/${document.id}/delivery`, { deliveredTo: 'Foreman Ma' });
      expect(manual.status).toBe(409);
      expect(manual.body.code).toBe('customer_acknowledges');
      expect((await stranger.post(`/documents/${document.id}/acknowledgement`, {})).status).toBe(404);
      const acknowledged = await customer.post<PourDocumentDto>(`/documents/${document.id}/acknowledgement`, {});
      expect(acknowledged.status).toBe(200);
      expect(acknowledged.body).toMatchObject({ acknowledgedByCustomer: true, deliveredAt: expect.any(String) });
      expect((await customer.post(`/documents/${document.id}/acknowledgement`, {})).status).toBe(409);
    });
  });

  describe('a specimen set', () => {
    it('is witnessed once by the project’s supervising engineer with a drawn signature', async () => {
      const engineer = await createUser(admin, 'supervisor');
      const outsider = await createUser(admin, 'supervisor');
      // A project of a customer without an account: the producer still marks its reports delivered.
      const supervised = await createLoadWorld(admin, crew);
      await expectCreated(admin.patch(`/projects/${supervised.project.id}`, { supervisorIds: [engineer.user.id] }));
      const pour = await createReadyPour(crew, supervised);
      const load = await loadOnSite(crew, pour, { siteSession: crew.site });
      const set = await expectCreated<SpecimenSetDto>(
        crew.qc.post(`/pours/${pour.id}/specimen-sets`, { loadId: load.id, specimenCount: 3, cubeSizeMm: 150 }),
      );
      expect(set.witness).toBeNull();
      const body = { signerName: 'Fang Zhi', signature: drawnSignature() };
      expect((await outsider.session.post(`/specimen-sets/${set.id}/witness`, body)).status).toBe(404);
      const witnessed = await engineer.session.post<SpecimenSetDto>(`/specimen-sets/${set.id}/witness`, body);
      expect(witnessed.status).toBe(200);
      expect(witnessed.body.witness).toMatchObject({ signerName: 'Fang Zhi', recordedByName: 'Test supervisor' });
      const twice = await engineer.session.post(`/specimen-sets/${set.id}/witness`, body);
      expect(twice.status).toBe(409);
      expect(twice.body.message).toMatch(/already witnessed by Fang Zhi/);
      const listed = await engineer.session.get<SpecimenSetDto[]>(`/pours/${pour.id}/specimen-sets`);
      expect(listed.body[0].witness?.imageDataUrl).toMatch(/^data:image\/png;base64,/);
    });
  });
});
