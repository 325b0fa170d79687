import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { adminSession, createUser } from '../support/factories';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  getLoad,
  type LoadCrew,
  PASSING_SLUMP_MM,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';

/** Now, so the pour is today's on every screen and loading is never "too early". */
const startingNow = () => new Date().toISOString();
/**
 * What the views also fetch again every half minute (a pour's hold) must
 * arrive well before that to have come by the live feed.
 */
const LIVE_MS = 2_000;
/**
 * Site requests and their acknowledgements are fetched only on connecting, so
 * any wait proves the live feed: room for a machine busy with every suite at once.
 */
const LIVE_ONLY_MS = 10_000;

/** The plant control room, the site tablet and the dispatch room talking to each other, in a real browser. */
describe('The coordination loop in the browser', () => {
  let session: BrowserSession;
  let browser: Browser;
  let crew: LoadCrew;
  const baseUrl = () => process.env.POURLINE_API_URL!;

  beforeAll(async () => {
    session = await launchBrowser();
    browser = session.browser;
    crew = await createCrew(await adminSession());
  });
  afterAll(() => session?.close());

  async function signInAs(username: string, password: string, view: string, width = 1600, height = 950) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(view).waitFor();
    return page;
  }

  const row = (page: Page, loadId: string) => page.locator(`[data-testid="plant-queue-row"][data-load-id="${loadId}"]`);

  it('lets the plant take a hand-dispatched load to departure and a failed one to disposal, with no simulator', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const operator = await createUser(crew.admin, 'plant_operator');
    await crew.admin.patch(`/plants/${world.plant.id}`, { operatorIds: [operator.user.id] });
    const pour = await createReadyPour(crew, world, { scheduledStart: startingNow(), structuralElement: 'Raft pour' });
    const good = await scheduleLoad(crew, pour, { volumeM3: 8 });
    const bad = await scheduleLoad(crew, pour, { volumeM3: 8 });
    const page = await signInAs(operator.username, operator.password, 'plant-view');

    await row(page, good.id).getByTestId('load-step-start_loading').click();
    await row(page, good.id).and(page.locator('[data-status="loading"]')).waitFor();
    await row(page, good.id).getByTestId('load-step-send_to_qc').click();
    await row(page, good.id).getByTestId('batch-water-held-back').fill('20');
    await row(page, good.id).getByTestId('batch-add-material').click();
    await row(page, good.id).getByTestId('batch-material-0').fill('Cement P.O 42.5');
    await row(page, good.id).getByTestId('batch-kg-0').fill('2880');
    await row(page, good.id).getByTestId('batched-submit').click();
    await row(page, good.id).and(page.locator('[data-status="plant_qc"]')).waitFor();
    await row(page, good.id).getByTestId('plant-qc-waiting').waitFor();
    // Depart is not offered before QC has released the load.
    expect(await row(page, good.id).getByTestId('load-step-depart').count()).toBe(0);

    await recordQcTest(crew.qc, good.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM, temperatureC: 20 });
    await row(page, good.id).locator('[data-testid="plant-qc-verdict"][data-outcome="released"]').waitFor();
    await screenshot(page, 'plant-control-room');
    await row(page, good.id).getByTestId('load-step-depart').click();
    await row(page, good.id).waitFor({ state: 'detached' });
    const departed = await getLoad(crew.dispatcher, good.id);
    expect(departed.status).toBe('en_route');
    expect(departed.batch).toMatchObject({ waterHeldBackLitres: 20, recordedByName: 'Test plant_operator' });

    await row(page, bad.id).getByTestId('load-step-start_loading').click();
    await row(page, bad.id).getByTestId('load-step-send_to_qc').click();
    await row(page, bad.id).getByTestId('batched-submit').click();
    await row(page, bad.id).and(page.locator('[data-status="plant_qc"]')).waitFor();
    await recordQcTest(crew.qc, bad.id, { stage: 'plant', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    await row(page, bad.id).locator('[data-testid="plant-qc-verdict"][data-outcome="held"]').waitFor();
    await row(page, bad.id).getByTestId('load-step-dispose').click();
    await row(page, bad.id).getByTestId('load-step-reason-dispose-text').fill('Too stiff to adjust, slump 100 mm');
    await row(page, bad.id).getByTestId('load-step-reason-dispose-submit').click();
    await row(page, bad.id).waitFor({ state: 'detached' });
    expect((await getLoad(crew.dispatcher, bad.id)).status).toBe('disposed');

    // The pour's log reaches the control room too: a quick message from the site arrives live.
    const waiting = await scheduleLoad(crew, pour, { volumeM3: 8 });
    await row(page, waiting.id).waitFor();
    const log = page.locator(`[data-testid="plant-pour-log"] [data-testid="pour-log"][data-pour-id="${pour.id}"]`);
    await log.waitFor();
    expect((await crew.site.post(`/pours/${pour.id}/messages`, { code: 'pump_ready' })).status).toBe(201);
    await log.locator('[data-testid="pour-log-entry"][data-code="pump_ready"]').waitFor({ timeout: LIVE_MS });
    await log.getByTestId('pour-log-quick-next_truck_please').click();
    await log.locator('[data-testid="pour-log-entry"][data-code="next_truck_please"]').waitFor();
    await screenshot(page, 'plant-control-room-log');
    await page.context().close();
  });

  it('brings a site’s hold request to the dispatch room and the dispatcher’s copy back to the tablet, live', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, { scheduledStart: startingNow(), structuralElement: 'Core wall' });
    const site = await createUser(crew.admin, 'site_dispatcher');
    await crew.admin.patch(`/projects/${world.project.id}`, { siteDispatcherIds: [crew.siteUserId, site.user.id] });
    const dispatcher = await createUser(crew.admin, 'dispatcher');

    const tablet = await signInAs(site.username, site.password, 'site-view', 1280, 800);
    const option = tablet.locator(`[data-testid="site-pour-option"][data-pour-id="${pour.id}"]`);
    if (await option.count()) await option.click();
    await tablet.locator(`[data-testid="site-pour-summary"][data-pour-id="${pour.id}"]`).waitFor();
    const room = await signInAs(dispatcher.username, dispatcher.password, 'operator-view');
    await room.locator('[data-testid="connection-state"][data-state="live"]').waitFor();

    await tablet.getByTestId('site-request-note').fill('Pump line blocked');
    await tablet.getByTestId('site-request-hold').click();
    // A hold waits out its undo window unless the person is sure.
    await tablet.getByTestId('site-undo-send-now').click();
    // Other suites' sites ask too: this pour's hold is the one to find.
    const request = room.locator(
      `[data-testid="open-requests"] [data-testid="open-request"][data-kind="hold"][data-pour-id="${pour.id}"]`,
    );
    await request.waitFor({ timeout: LIVE_ONLY_MS });
    expect(await request.textContent()).toContain('Pump line blocked');
    await room
      .locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"] [data-testid="pour-requests"]`)
      .waitFor();
    await screenshot(room, 'dispatch-room-site-request');

    await request.getByTestId('request-acknowledge').click();
    await tablet
      .locator('[data-testid="site-request-sent"][data-acknowledged="true"]')
      .waitFor({ timeout: LIVE_ONLY_MS });
    expect(await tablet.getByTestId('site-request-copy').textContent()).toContain('Test dispatcher');
    await request.waitFor({ state: 'detached' });

    await crew.dispatcher.post(`/pours/${pour.id}/dispatch-hold`, { reason: 'Plant mixer fault' });
    await tablet.getByTestId('site-hold-banner').waitFor({ timeout: LIVE_MS });
    expect(await tablet.getByTestId('site-hold-banner').textContent()).toContain('Plant mixer fault');
    await screenshot(tablet, 'site-tablet-held');
    await tablet.reload();
    await tablet.getByTestId('site-hold-banner').waitFor();
    await tablet.locator(`[data-pour-id="${pour.id}"] [data-testid="site-pour-option-held"]`).waitFor();
    await crew.dispatcher.post(`/pours/${pour.id}/dispatch-resume`, {});
    await tablet.getByTestId('site-hold-banner').waitFor({ state: 'detached', timeout: LIVE_MS });
    await tablet.context().close();
    await room.context().close();
  });

  it('offers the dispatch room every step of a whole cycle by hand, from its own screen', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, { scheduledStart: startingNow(), structuralElement: 'Ramp slab' });
    const load = await scheduleLoad(crew, pour, { volumeM3: 8 });
    const dispatcher = await createUser(crew.admin, 'dispatcher');
    const room = await signInAs(dispatcher.username, dispatcher.password, 'operator-view');
    await room.locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"] .op-pour-main`).click();
    const steps = room.locator(`[data-testid="load-steps"][data-load-id="${load.id}"]`);
    const status = async (expected: string) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        if ((await getLoad(crew.dispatcher, load.id)).status === expected) return;
        await room.waitForTimeout(100);
      }
      throw new Error(`load never became ${expected}`);
    };

    await room.getByTestId('load-start-loading').click();
    await status('loading');
    await steps.getByTestId('load-step-send_to_qc').click();
    await steps.getByTestId('batched-submit').click();
    await status('plant_qc');
    await recordQcTest(crew.qc, load.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM, temperatureC: 20 });
    await steps.getByTestId('load-step-depart').click();
    await status('en_route');
    await steps.getByTestId('load-step-arrive').click();
    await status('on_site');
    // Discharge waits for the site test, and says so.
    await steps.getByTestId('load-step-blocker-start_discharge').waitFor();
    await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: PASSING_SLUMP_MM, temperatureC: 20 });
    await steps.getByTestId('load-step-start_discharge').and(room.locator(':enabled')).click();
    await status('discharging');
    await steps.getByTestId('load-step-end_discharge').click();
    await status('discharged');
    await steps.getByTestId('load-step-leave_site').click();
    await status('returning');
    await steps.getByTestId('load-step-back_at_plant').click();
    await status('back_at_plant');
    await room.context().close();
  });
});
