import { localDateInZone } from '@pourline/domain';
import { PLANT_TIME_ZONE } from '../support/test-constants';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { adminSession, createUser } from '../support/factories';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  getLoad,
  type LoadCrew,
  scheduleLoad,
  sleep,
} from '../support/load-factories';

const today = localDateInZone(new Date(), PLANT_TIME_ZONE);
const noonInShanghai = `${today}T04:00:00.000Z`;
/** Noon in Shanghai, or now while that is still ahead: loading a pour hours early needs a reason. */
const startedToday = new Date(Math.min(Date.parse(noonInShanghai), Date.now())).toISOString();

/** The site dispatcher's tablet and the QC inspector's phone, in a real browser. */
describe('Field views', () => {
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

  async function signInAs(page: Page, username: string, password: string, view: string) {
    await page.goto(baseUrl());
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(view).waitFor();
  }

  it('queues a tablet’s "arrived" while offline and applies it exactly once when the network returns', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, {
      scheduledStart: startedToday,
      structuralElement: 'Tablet wall',
    });
    const load = await scheduleLoad(crew, pour);
    await advanceLoad(crew, load.id, 'en_route');
    const { username, password, user } = await createUser(crew.admin, 'site_dispatcher');
    await crew.admin.patch(`/projects/${world.project.id}`, { siteDispatcherIds: [crew.siteUserId, user.id] });

    const context = await browser.newContext({ viewport: { width: 1024, height: 1366 } });
    const page = await context.newPage();
    await signInAs(page, username, password, 'site-view');
    const option = page.locator(`[data-testid="site-pour-option"][data-pour-id="${pour.id}"]`);
    if (await option.count()) await option.click();
    const row = page.locator(`[data-testid="site-load"][data-load-id="${load.id}"]`);
    await row.waitFor();

    await context.setOffline(true);
    const pressedAt = Date.now();
    await row.getByTestId('site-action-arrive').click();
    await page.locator('[data-testid="site-outbox"][data-pending="1"]').waitFor();
    await page.getByTestId('site-pending').first().waitFor();
    await screenshot(page, 'site-tablet-offline');
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('en_route');

    await sleep(1_500);
    const backOnlineAt = Date.now();
    await context.setOffline(false);
    await page.locator('[data-testid="site-outbox"][data-pending="0"]').waitFor({ timeout: 20_000 });
    // The header follows the network back at once, not after a long backoff.
    await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor({ timeout: 10_000 });
    await page.locator(`[data-testid="site-load"][data-load-id="${load.id}"][data-status="on_site"]`).waitFor();
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('on_site');
    const arrivals = (await crew.dispatcher.get(`/loads/${load.id}/events`)).body.filter(
      (event: any) => event.toStatus === 'on_site',
    );
    expect(arrivals).toHaveLength(1);
    // Recorded when the button was pressed offline, received when the network came back.
    expect(Date.parse(arrivals[0].at)).toBeGreaterThanOrEqual(pressedAt - 1_000);
    expect(Date.parse(arrivals[0].at)).toBeLessThan(backOnlineAt);
    expect(Date.parse(arrivals[0].receivedAt)).toBeGreaterThanOrEqual(backOnlineAt);

    // The slump re-test is entered on the tablet too, with the verdict at once.
    await row.getByTestId('site-test-open').click();
    await page.getByTestId('site-test-slump').fill('175');
    await page.getByTestId('site-test-temperature').fill('22');
    await page.getByTestId('site-test-submit').click();
    await page.locator('[data-testid="site-test-verdict"][data-outcome="accepted"]').waitFor({ timeout: 15_000 });
    const tests = (await crew.dispatcher.get(`/loads/${load.id}/qc-tests`)).body;
    expect(tests.map((test: any) => [test.stage, test.outcome])).toContainEqual(['site', 'accepted']);
    await screenshot(page, 'site-tablet');
    await context.close();
  });

  it('shows a QC inspector the loads due on site and a failed test’s verdict with every reason', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, { scheduledStart: startedToday, structuralElement: 'QC slab' });
    const load = await scheduleLoad(crew, pour);
    await advanceLoad(crew, load.id, 'on_site');
    const { username, password } = await createUser(crew.admin, 'qc_inspector');

    const page = await browser.newPage({ viewport: { width: 820, height: 1180 } });
    await signInAs(page, username, password, 'qc-view');
    const due = page.locator(`[data-testid="qc-due-load"][data-load-id="${load.id}"][data-stage="site"]`);
    await due.waitFor({ timeout: 15_000 });
    await due.click();
    // A slump the cone cannot show is a typo: the preview says so and nothing can be sent.
    await page.getByTestId('qc-slump').fill('5000');
    await page.locator('.qc-preview--implausible[data-testid="qc-preview"]').waitFor();
    await expect(page.getByTestId('qc-preview').textContent()).resolves.toContain('Slump: at most 300 mm');
    expect(await page.getByTestId('qc-submit').isDisabled()).toBe(true);
    await page.getByTestId('qc-slump').fill(String(FAILING_SLUMP_MM));
    await page.getByTestId('qc-temperature').fill('38');
    await page.locator('[data-testid="qc-preview"][data-pass="false"]').waitFor();
    // A test that rejects the load asks once more; nothing is recorded until then.
    await page.getByTestId('qc-submit').click();
    await page.getByTestId('qc-confirm').waitFor();
    await screenshot(page, 'qc-inspector-confirm-reject');
    expect((await crew.dispatcher.get(`/loads/${load.id}/qc-tests`)).body.some((t: any) => t.stage === 'site')).toBe(
      false,
    );
    await page.getByTestId('qc-confirm-reject').click();
    await page.locator('[data-testid="qc-verdict"][data-outcome="rejected"]').waitFor();
    expect(await page.getByTestId('qc-reason').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'qc-inspector-verdict');
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('rejected');
    await page.close();
  });
});
