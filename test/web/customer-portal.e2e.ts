import type { DeliveryTicketDto, PlanResponseDto, PourDocumentDto, PourOrderDto } from '@pourline/contracts';
import { localDateInZone } from '@pourline/domain';
import { PLANT_TIME_ZONE } from '../support/test-constants';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { adminSession, createPour, createUser, documentForm, expectCreated } from '../support/factories';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  type LoadCrew,
  scheduleLoad,
} from '../support/load-factories';

const today = localDateInZone(new Date(), PLANT_TIME_ZONE);
const noonInShanghai = `${today}T04:00:00.000Z`;
/** Noon in Shanghai, or now while that is still ahead: loading a pour hours early needs a reason. */
const startedToday = new Date(Math.min(Date.parse(noonInShanghai), Date.now())).toISOString();
/** Later today, for a plan still being agreed. */
const laterToday = new Date(Date.parse(startedToday) + 60_000).toISOString();

/** The construction party on a phone (390 × 844): its pours live, a plan, a report, a ticket signed with a finger. */
describe('The customer’s phone', () => {
  let session: BrowserSession;
  let crew: LoadCrew;
  let page: Page;
  const baseUrl = () => process.env.POURLINE_API_URL!;

  beforeAll(async () => {
    session = await launchBrowser();
    crew = await createCrew(await adminSession());
  });
  afterAll(() => session?.close());

  it('requests a pour, agrees a plan, acknowledges a report, follows a truck and signs its ticket', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, { scheduledStart: startedToday, structuralElement: 'Phone slab' });
    // A second project of the same customer, with a plan still to agree.
    const other = await createLoadWorld(crew.admin, crew);
    await expectCreated(crew.admin.patch(`/projects/${other.project.id}`, { customerId: world.project.customerId }));
    const draft = await createPour(crew.dispatcher, other, {
      scheduledStart: laterToday,
      structuralElement: 'Phone wall',
    });
    const { username, password } = await createUser(crew.admin, 'customer', world.project.customerId);
    const report = await expectCreated<PourDocumentDto>(
      crew.qc.post(`/pours/${draft.id}/documents`, documentForm('mix_design_report')),
    );

    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    page = await context.newPage();
    await page.goto(baseUrl());
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('customer-view').waitFor();
    const card = page.getByTestId(`customer-pour-${pour.id}`);
    await card.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The header leaves the phone's screen to the pours: a quarter of it at most (five rows took 254 px).
    await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor({ timeout: 15_000 });
    expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThanOrEqual(844 / 4);

    // Order a pour.
    await page.getByTestId('order-pour').click();
    const form = page.getByTestId('pour-order-form');
    await form.locator('input[name="element"]').fill('6F slab, axis 1–8');
    await form.locator('input[name="volume"]').fill('120');
    await form.locator('input[name="wantedStart"]').fill('2026-12-28T08:00');
    await page.getByTestId('pour-order-submit').click();
    await page.getByTestId('pour-order-status').first().waitFor();
    const orders = await crew.dispatcher.get<PourOrderDto[]>('/pour-orders?status=requested');
    expect(orders.body.find((order) => order.projectId === world.project.id)).toMatchObject({
      structuralElement: '6F slab, axis 1–8',
      volumeM3: 120,
      pumpWanted: true,
    });

    // Agree the plan and acknowledge the report.
    const draftCard = page.getByTestId(`customer-pour-${draft.id}`);
    await draftCard.getByTestId('plan-agree').click();
    await draftCard.getByTestId('plan-agreement-state').filter({ hasText: 'agreed' }).waitFor();
    const responses = await crew.dispatcher.get<PlanResponseDto[]>(`/pours/${draft.id}/plan-responses`);
    expect(responses.body.map((response) => response.decision)).toEqual(['agreed']);
    await draftCard.getByTestId('report-acknowledge').click();
    await draftCard.getByTestId('report-acknowledge').waitFor({ state: 'detached' });
    const documents = await crew.dispatcher.get<PourDocumentDto[]>(`/pours/${draft.id}/documents`);
    expect(documents.body.find((document) => document.id === report.id)).toMatchObject({
      acknowledgedByCustomer: true,
    });

    // Follow a truck live: it appears on the way, then its concrete counts as delivered.
    const load = await scheduleLoad(crew, pour);
    await advanceLoad(crew, load.id, 'en_route');
    await card.getByTestId('customer-truck-coming').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'customer-phone-following');
    await advanceLoad(crew, load.id, 'discharged', { siteSession: crew.site });
    await card.getByTestId('customer-delivered').filter({ hasText: '10 m³' }).waitFor({ timeout: 15_000 });

    // Sign its ticket with a finger.
    await card.getByRole('button', { name: load.ticketNumber }).click();
    await page.getByTestId('ticket-page').waitFor();
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 20; step += 1)
      await page.mouse.move(box.x + 20 + step * 14, box.y + box.height / 2 + (step % 2 ? -25 : 25));
    await page.mouse.up();
    await page.getByTestId('ticket-sign-submit').click();
    await page.getByTestId('ticket-signature').waitFor();
    await screenshot(page, 'customer-phone-ticket-signed');
    const ticket = await crew.dispatcher.get<DeliveryTicketDto>(`/loads/${load.id}/ticket`);
    expect(ticket.body.versions[0]).toMatchObject({ outcome: 'signed' });
    expect(ticket.body.versions[0].signature?.imageDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
