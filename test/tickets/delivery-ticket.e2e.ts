import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeliveryTicketDto, PourDto } from '@pourline/contracts';
import { adminSession, createUser, expectCreated, type PourWorld } from '../support/factories';
import { apiUrl, type Http } from '../support/http';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  type LoadCrew,
  loadOnSite,
  scheduleLoad,
} from '../support/load-factories';
import { drawnSignature } from '../support/signatures';

async function ticketPdf(session: Http, loadId: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  const response = await fetch(apiUrl(`/loads/${loadId}/ticket/pdf`), {
    headers: { authorization: `Bearer ${session.token}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The PDF's text as poppler reads it, and its pages rendered to PNG. */
function openPdf(bytes: Buffer): { text: string; pages: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-'));
  const file = join(dir, 'ticket.pdf');
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, 'page')]);
  return { text, pages: readdirSync(dir).filter((name) => name.endsWith('.png')) };
}

describe('Delivery tickets', () => {
  let crew: LoadCrew;
  let world: PourWorld;
  let pour: PourDto;
  let customer: { session: Http; user: { displayName: string } };

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
    pour = await createReadyPour(crew, world);
    customer = await createUser(admin, 'customer', world.project.customerId);
  });

  it('shows the ticket with its times, tests and water, and cannot be signed before the truck arrives', async () => {
    const load = await scheduleLoad(crew, pour);
    const early = await customer.session.get<DeliveryTicketDto>(`/loads/${load.id}/ticket`);
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ currentVersion: 1, versions: [], signable: false });
    const refused = await customer.session.post(`/loads/${load.id}/ticket/signature`, {
      outcome: 'signed',
      moment: 'arrival',
      signerName: 'Tang Li',
      signature: drawnSignature(),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/signed once the truck is on site; this load is scheduled/);
  });

  describe('a signed ticket', () => {
    let loadId: string;
    let signed: DeliveryTicketDto;

    beforeAll(async () => {
      const load = await loadOnSite(crew, pour, { siteSession: crew.site });
      loadId = load.id;
      await expectCreated(
        crew.site.post(`/loads/${loadId}/water`, { litres: 20, addedBy: 'Driver Wu', requestedBy: 'Foreman Ma' }),
      );
      await advanceLoad(crew, loadId, 'discharged', { siteSession: crew.site });
      signed = await expectCreated(
        customer.session.post(`/loads/${loadId}/ticket/signature`, {
          outcome: 'signed',
          moment: 'discharge',
          signerName: 'Tang Li',
          signature: drawnSignature(),
        }),
      );
    });

    it('keeps the signer, the drawing, the time and the account that recorded it', async () => {
      expect(signed.signable).toBe(false);
      expect(signed.versions).toHaveLength(1);
      const [version] = signed.versions;
      expect(version).toMatchObject({ version: 1, outcome: 'signed', moment: 'discharge', supersedesVersion: null });
      expect(version.signature).toMatchObject({ signerName: 'Tang Li', recordedByName: customer.user.displayName });
      expect(version.signature!.imageDataUrl).toMatch(/^data:image\/png;base64,/);
      expect(signed.content).toMatchObject({ ticketNumber: expect.any(String), volumeM3: 10, status: 'discharged' });
      expect(signed.content.arrivedAt).not.toBeNull();
      expect(signed.content.dischargeEndedAt).not.toBeNull();
      expect(signed.content.water).toEqual([
        expect.objectContaining({ litres: 20, addedBy: 'Driver Wu', requestedBy: 'Foreman Ma' }),
      ]);
      expect(signed.content.tests.map((test) => test.stage)).toEqual(['plant', 'site']);
    });

    it('refuses a second signature with 409 naming who signed', async () => {
      const again = await crew.site.post(`/loads/${loadId}/ticket/signature`, {
        outcome: 'signed',
        moment: 'discharge',
        signerName: 'Someone else',
        signature: drawnSignature(),
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ticket_already_signed');
      expect(again.body.message).toMatch(/already signed by Tang Li \(recorded by Test customer\)/);
    });

    it('stays as it was signed when the load moves on', async () => {
      await advanceLoad(crew, loadId, 'returning', { siteSession: crew.site });
      const later = await customer.session.get<DeliveryTicketDto>(`/loads/${loadId}/ticket`);
      expect(later.body.content.status).toBe('discharged');
      expect(later.body.versions[0].signedContent).toEqual(signed.versions[0].signedContent);
    });

    it('opens as a PDF whose pages render, in Chinese and English, with the signer', async () => {
      const pdf = await ticketPdf(customer.session, loadId);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      const { text, pages } = openPdf(pdf.bytes);
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(text).toContain('混凝土送货单 Delivery ticket');
      expect(text).toContain(signed.content.ticketNumber);
      expect(text).toContain('Driver Wu');
      expect(text).toContain('Tang Li');
    });

    it('is corrected by a new version that references it, to be signed again', async () => {
      expect((await customer.session.post(`/loads/${loadId}/ticket/corrections`, { reason: 'x' })).status).toBe(403);
      const corrected = await expectCreated<DeliveryTicketDto>(
        crew.dispatcher.post(`/loads/${loadId}/ticket/corrections`, {
          reason: 'The volume was entered against the wrong truck',
          remarks: 'Replaces version 1',
        }),
      );
      expect(corrected.currentVersion).toBe(2);
      expect(corrected.signable).toBe(true);
      expect(corrected.versions[1]).toMatchObject({ version: 2, supersedesVersion: 1, outcome: null });
      expect(corrected.versions[0]).toEqual(signed.versions[0]);
      expect(corrected.content.remarks).toBe('Replaces version 1');
    });
  });

  it('takes a refusal only with a written reason, and keeps it', async () => {
    const load = await loadOnSite(crew, pour, { siteSession: crew.site });
    const bare = await crew.site.post(`/loads/${load.id}/ticket/signature`, {
      outcome: 'refused',
      moment: 'arrival',
      signerName: 'Foreman Ma',
    });
    expect(bare.status).toBe(400);
    const refused = await expectCreated<DeliveryTicketDto>(
      crew.site.post(`/loads/${load.id}/ticket/signature`, {
        outcome: 'refused',
        moment: 'arrival',
        signerName: 'Foreman Ma',
        reason: 'The truck arrived two hours late and the concrete is stiff',
      }),
    );
    expect(refused.versions[0]).toMatchObject({
      outcome: 'refused',
      refusalReason: 'The truck arrived two hours late and the concrete is stiff',
    });
    expect(refused.versions[0].signature).toMatchObject({ signerName: 'Foreman Ma', imageDataUrl: null });
  });

  it('refuses a signature that is not a drawn PNG, and unknown fields, changing nothing', async () => {
    const load = await loadOnSite(crew, pour, { siteSession: crew.site });
    const base = { outcome: 'signed', moment: 'arrival', signerName: 'Tang Li' };
    const fake = `data:image/png;base64,${Buffer.from('GIF89a not a png at all').toString('base64')}`;
    const notPng = await customer.session.post(`/loads/${load.id}/ticket/signature`, { ...base, signature: fake });
    expect(notPng.status).toBe(400);
    expect(notPng.body.message).toMatch(/signature: not a readable PNG/);
    const blank = await customer.session.post(`/loads/${load.id}/ticket/signature`, {
      ...base,
      signature: drawnSignature(1, 1),
    });
    expect(blank.status).toBe(400);
    const extra = await customer.session.post(`/loads/${load.id}/ticket/signature`, {
      ...base,
      signature: drawnSignature(),
      signedBy: 'admin',
    });
    expect(extra.status).toBe(400);
    const nul = await customer.session.post(`/loads/${load.id}/ticket/signature`, {
      ...base,
      signerName: 'Tang\u0000Li',
      signature: drawnSignature(),
    });
    expect(nul.status).toBe(400);
    const ticket = await customer.session.get<DeliveryTicketDto>(`/loads/${load.id}/ticket`);
    expect(ticket.body.versions).toEqual([]);
  });

  it('is not reachable by a customer of another project', async () => {
    const admin = await adminSession();
    const stranger = await createUser(admin, 'customer');
    const load = await loadOnSite(crew, pour, { siteSession: crew.site });
    expect((await stranger.session.get(`/loads/${load.id}/ticket`)).status).toBe(404);
    expect((await ticketPdf(stranger.session, load.id)).status).toBe(404);
    const sign = await stranger.session.post(`/loads/${load.id}/ticket/signature`, {
      outcome: 'signed',
      moment: 'arrival',
      signerName: 'Intruder',
      signature: drawnSignature(),
    });
    expect(sign.status).toBe(404);
  });
});
