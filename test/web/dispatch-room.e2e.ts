import { localDateInZone } from '@pourline/domain';
import { PLANT_TIME_ZONE } from '../support/test-constants';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, type BrowserSession } from '../support/browser';
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
import { createPour, createProject, expectCreated } from '../support/factories';
import { waitFor } from '../support/live-support';

const today = localDateInZone(new Date(), PLANT_TIME_ZONE);
const noonInShanghai = `${today}T04:00:00.000Z`;
/** Noon in Shanghai, or now while that is still ahead: loading a pour hours early needs a reason. */
const startedToday = new Date(Math.min(Date.parse(noonInShanghai), Date.now())).toISOString();
const REASON = 'Second crew on the boom; agreed with both site managers';

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
      scheduledStart: startedToday,
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
    // Polled from here: a page function returning a promise counts as done at once.
    await waitFor(
      'the spare truck on the replacement load',
      async () => ((await getLoad(crew.dispatcher, replacement.id)).truckId === spare.id ? true : undefined),
      10_000,
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
    const pour = await createReadyPour(crew, world, { scheduledStart: startedToday, structuralElement: 'Held slab' });
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
  it('shows a plan off its site beside the fields, and a pump double booking with saving anyway for a reason', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const first = await createPour(crew.dispatcher, world, {
      scheduledStart: noonInShanghai,
      structuralElement: 'Clash slab A',
    });
    const otherSite = { ...world, project: await createProject(crew.admin, world.plant.id) };
    const second = await createPour(crew.dispatcher, otherSite, {
      scheduledStart: `${today}T12:00:00.000Z`,
      structuralElement: 'Clash slab B',
    });
    const farAway = await expectCreated(
      crew.admin.post('/projects', {
        customerId: world.project.customerId,
        plantId: world.plant.id,
        name: `Far site ${second.id.slice(0, 6)}`,
        location: { lat: 32.05, lng: 118.95 },
        geofence: {
          type: 'Polygon',
          coordinates: [
            [
              [118.949, 32.049],
              [118.951, 32.049],
              [118.951, 32.051],
              [118.949, 32.051],
              [118.949, 32.049],
            ],
          ],
        },
      }),
    );

    await page.goto(`${process.env.POURLINE_API_URL}/#/pours/${second.id}/edit`);
    await page.getByTestId('pour-editor').waitFor();
    // Moved to a site 12 km away, its points and routes are judged against that site at once.
    await page.getByTestId('editor-field-projectId').selectOption(farAway.id);
    await page.getByTestId('editor-error-pumpPosition').waitFor();
    expect(await page.getByTestId('editor-error-startPoint').textContent()).toMatch(/outside the site’s fence/);
    expect(await page.getByTestId('editor-error-entryRoute').textContent()).toMatch(/end within 150 m of the site/);
    expect(await page.getByTestId('editor-save').isDisabled()).toBe(true);
    await screenshot(page, 'pour-plan-off-site');
    await page.getByTestId('editor-field-projectId').selectOption(otherSite.project.id);
    await page.waitForFunction(() => !document.querySelector('[data-testid="editor-error-pumpPosition"]'));

    // Moved onto the first pour's hours, the pump is already booked: the editor names that pour.
    await page.getByTestId('editor-field-scheduledStart').fill(`${today}T12:00`);
    await page.getByTestId('editor-save').click();
    const clash = page.getByTestId('pump-clash');
    await clash.waitFor();
    expect(await page.getByTestId('editor-error-pumpId').textContent()).toContain(world.pump.code);
    const named = clash.locator(`[data-testid="pump-clash-pour"][data-pour-id="${first.id}"]`);
    expect(await named.textContent()).toContain('Clash slab A');
    expect(await named.textContent()).toContain(world.project.name);
    expect(await page.getByTestId('pump-clash-confirm').isDisabled()).toBe(true);
    expect((await crew.dispatcher.get(`/pours/${second.id}`)).body.scheduledStart).toBe(second.scheduledStart);
    await screenshot(page, 'pour-plan-pump-clash');

    await page.getByTestId('pump-clash-reason').fill(REASON);
    await page.getByTestId('pump-clash-confirm').click();
    await page.getByTestId('pour-detail').waitFor();
    expect((await crew.dispatcher.get(`/pours/${second.id}`)).body.scheduledStart).toBe(noonInShanghai);
    const recorded = page.locator('[data-testid="history-entry"][data-action="pump_double_booking_confirmed"]');
    expect(await recorded.textContent()).toContain(REASON);
    expect(await recorded.textContent()).toContain('Clash slab A');
  });

  it('asks for a reason before loading a pour’s first truck early, and records it', async () => {
    // The plant asks about any start ahead of plan. The pour is tomorrow at noon, always hours ahead,
    // and this console's clock reads tomorrow 11:30 so that tomorrow is the day its board shows.
    const world = await createLoadWorld(crew.admin, crew, { ruleOverrides: { maxMinutesLoadingBeforeStart: 0 } });
    const tomorrow = localDateInZone(new Date(Date.now() + 24 * 3_600_000), PLANT_TIME_ZONE);
    const pour = await createReadyPour(crew, world, {
      scheduledStart: `${tomorrow}T04:00:00.000Z`,
      structuralElement: 'Early slab',
    });
    const truck = await createTruck(crew.admin, world.plant.id);
    const load = await expectCreated(
      crew.dispatcher.post(`/pours/${pour.id}/loads`, { truckId: truck.id, volumeM3: 8 }),
    );

    const { username, password } = await createUser(crew.admin, 'dispatcher');
    const board = await browser.newPage({ viewport: { width: 1600, height: 950 } });
    await board.clock.setFixedTime(new Date(`${tomorrow}T03:30:00.000Z`));
    try {
      await signIn(board, process.env.POURLINE_API_URL!, username, password);
      await board.getByTestId('operator-view').waitFor();
      await board.locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"]`).click();
      const row = board.locator(`[data-testid="timeline-load"][data-load-id="${load.id}"]`);
      await row.getByTestId('load-start-loading').click();
      await row.getByTestId('early-start-form').waitFor();
      expect(await row.getByTestId('early-start-question').textContent()).toMatch(/before its planned start/);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('scheduled');
      await screenshot(board, 'early-start-question');

      await row.getByTestId('early-start-reason').fill(REASON);
      await row.getByTestId('early-start-submit').click();
      await waitFor(
        'the load to start loading',
        async () => ((await getLoad(crew.dispatcher, load.id)).status === 'loading' ? true : undefined),
        10_000,
      );
      const events = (await crew.dispatcher.get(`/loads/${load.id}/events`)).body;
      expect(events.find((event: any) => event.toStatus === 'loading').note).toContain(REASON);
    } finally {
      await board.context().close();
    }
  });
});
