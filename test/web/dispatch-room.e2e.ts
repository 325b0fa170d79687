import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { adminSession, createUser } from '../support/factories';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  createTruck,
  FAILING_SLUMP_MM,
  getLoad,
  type LoadCrew,
  loadOnSite,
  pourLoads,
  recordQcTest,
} from '../support/load-factories';
import { createPour } from '../support/factories';

const today = new Date().toISOString().slice(0, 10);
const noonInShanghai = `${today}T04:00:00.000Z`;

/** The dispatch room acting, not only watching: plans, trucks, holds and alerts. */
describe('Dispatch room actions in the browser', () => {
  let session: BrowserSession;
  let browser: Browser;
  let crew: LoadCrew;
  let page: Page;

  beforeAll(async () => {
    session = await launchBrowser();
    browser = session.browser;
    crew = await createCrew(await adminSession());
    const { username, password } = await createUser(crew.admin, 'dispatcher');
    page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
    await page.goto(process.env.POURLINE_API_URL!);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('operator-view').waitFor();
  });
  afterAll(() => session?.close());

  it('edits a pour plan with inline validation and saves only what changed', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createPour(crew.dispatcher, world, { scheduledStart: noonInShanghai });
    await page.goto(`${process.env.POURLINE_API_URL}/#/pours/${pour.id}/edit`);
    await page.getByTestId('pour-editor').waitFor();
    const volume = page.getByTestId('editor-field-volumeM3');
    await volume.fill('0');
    await page.getByTestId('editor-error-volumeM3').waitFor();
    expect(await page.getByTestId('editor-save').isDisabled()).toBe(true);
    await volume.fill('312.5');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('pour-detail').waitFor();
    const saved = (await crew.dispatcher.get(`/pours/${pour.id}`)).body;
    expect(saved.volumeM3).toBe(312.5);
    expect(saved.entryRoute).toEqual(pour.entryRoute);
    await screenshot(page, 'pour-plan-saved');
  });

  it('assigns a truck to the replacement of a rejected load and acknowledges the rejection with a note', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, {
      scheduledStart: noonInShanghai,
      structuralElement: 'Dispatch slab',
    });
    const load = await loadOnSite(crew, pour);
    await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    const replacement = (await pourLoads(crew.dispatcher, pour.id)).loads.find(
      (item) => item.replacesLoadId === load.id,
    )!;
    const spare = await createTruck(crew.admin, world.plant.id);

    await page.goto(process.env.POURLINE_API_URL!);
    await page.getByTestId('operator-view').waitFor();
    await page.locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"]`).click();
    const row = page.locator(`[data-testid="timeline-load"][data-load-id="${replacement.id}"]`);
    await row.getByTestId('load-assign-truck').click();
    await page.getByTestId('load-truck').selectOption(spare.id);
    await page.getByTestId('load-assign-truck-submit').click();
    await page.waitForFunction(
      async ([url, id, token]) => {
        const answer = await fetch(`${url}/api/loads/${id}`, { headers: { authorization: `Bearer ${token}` } });
        return (await answer.json()).truckId !== null;
      },
      [process.env.POURLINE_API_URL!, replacement.id, crew.dispatcher.token!] as const,
      { timeout: 10_000 },
    );
    expect((await getLoad(crew.dispatcher, replacement.id)).truckId).toBe(spare.id);

    const alert = page
      .locator('[data-testid="alert"][data-acknowledged="false"]')
      .filter({ hasText: load.ticketNumber });
    await alert.getByTestId('alert-acknowledge').click();
    await page.getByTestId('alert-note').fill('Replacement sent with the spare truck');
    await page.getByTestId('alert-acknowledge-submit').click();
    await page
      .locator('[data-testid="alert"][data-acknowledged="true"]')
      .filter({ hasText: load.ticketNumber })
      .waitFor();
    const open = (await crew.dispatcher.get('/alerts?open=true')).body;
    expect(open.some((item: any) => item.payload?.load?.id === load.id)).toBe(false);
    await screenshot(page, 'dispatch-room-actions');
  });

  it('holds a pour’s dispatch and explains a refused new load in words', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, { scheduledStart: noonInShanghai, structuralElement: 'Held slab' });
    await createTruck(crew.admin, world.plant.id);
    await page.goto(process.env.POURLINE_API_URL!);
    const card = page.locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"]`);
    await card.click();
    await card.getByTestId('pour-hold').click();
    await page.getByTestId('pour-hold-reason').fill('crane busy on site');
    await page.getByTestId('pour-hold-submit').click();
    await card.getByTestId('pour-held-banner').waitFor();
    expect((await crew.dispatcher.get(`/pours/${pour.id}`)).body.dispatchHold.reason).toBe('crane busy on site');
    await card.getByTestId('dispatch-new-load').click();
    await page.getByTestId('new-load-submit').click();
    const refusal = page.getByTestId('dispatch-error').first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('on hold');
    await card.getByTestId('pour-resume').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="pour-held-banner"]'), undefined, {
      timeout: 10_000,
    });
  });
});
