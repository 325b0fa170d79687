import { localDateInZone } from '@pourline/domain';
import { PLANT_TIME_ZONE } from '../support/test-constants';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, type BrowserSession } from '../support/browser';
import { adminSession, createUser, expectCreated } from '../support/factories';
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
/** Noon, or now if that is earlier: loading now must not be hours ahead of the plan at any hour of the day. */
const startedToday = new Date(Math.min(Date.parse(noonInShanghai), Date.now())).toISOString();

/** The radio, kept: the site tablet says something and the dispatch room reads it, each in their language. */
describe('A pour’s log in the browser', () => {
  let session: BrowserSession;
  let browser: Browser;
  let crew: LoadCrew;

  beforeAll(async () => {
    session = await launchBrowser();
    browser = session.browser;
    crew = await createCrew(await adminSession());
  });
  afterAll(() => session?.close());

  const entry = (page: Page, code: string) =>
    page.locator(`[data-testid="pour-log"] [data-testid="pour-log-entry"][data-code="${code}"]`);

  it('shows the dispatch room a quick message sent from the site tablet, live, and confirms its last load', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const ready = await createReadyPour(crew, world, {
      scheduledStart: startedToday,
      structuralElement: 'Radio slab',
    });
    const pour = await expectCreated(crew.dispatcher.post(`/pours/${ready.id}/status`, { status: 'in_progress' }));
    const load = await scheduleLoad(crew, pour, { volumeM3: 9 });
    await advanceLoad(crew, load.id, 'discharged');
    const site = await createUser(crew.admin, 'site_dispatcher');
    await crew.admin.patch(`/projects/${world.project.id}`, { siteDispatcherIds: [crew.siteUserId, site.user.id] });
    const dispatcher = await createUser(crew.admin, 'dispatcher');

    // The dispatch room, in English, with the pour focused.
    const room = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'en-GB' });
    await signIn(room, process.env.POURLINE_API_URL!, dispatcher.username, dispatcher.password);
    await room.getByTestId('operator-view').waitFor();
    await room.locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"] .op-pour-main`).click();
    const roomLog = room.locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"] [data-testid="pour-log"]`);
    await roomLog.waitFor();
    await roomLog.locator('[data-testid="pour-log-entry"][data-code="load.discharged"]').waitFor();

    // The site tablet, in Chinese.
    const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 1366 }, locale: 'zh-CN' });
    const tablet = await tabletContext.newPage();
    await signIn(tablet, process.env.POURLINE_API_URL!, site.username, site.password);
    await tablet.getByTestId('site-view').waitFor();
    const option = tablet.locator(`[data-testid="site-pour-option"][data-pour-id="${pour.id}"]`);
    if (await option.count()) await option.click();
    const tabletLog = tablet.locator(`[data-testid="pour-log"][data-pour-id="${pour.id}"]`);
    await tabletLog.waitFor();
    const pumpReady = tabletLog.getByTestId('pour-log-quick-pump_ready');
    await pumpReady.waitFor();
    const box = await pumpReady.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);

    await pumpReady.click();
    await entry(tablet, 'pump_ready').getByText('泵车已就位').waitFor();
    await tabletLog.getByTestId('pour-log-quick-truck_stuck_at_gate').click();
    await tabletLog.getByTestId('pour-log-truck-input').fill('T05');
    await tabletLog.getByTestId('pour-log-truck-form').getByRole('button', { name: '发送' }).click();
    await entry(tablet, 'truck_stuck_at_gate').getByText('T05 号车堵在大门口').waitFor();

    // Heard in the dispatch room at once, in English, under the site dispatcher's name.
    const heard = roomLog.locator('[data-testid="pour-log-entry"][data-code="pump_ready"]');
    await heard.waitFor({ timeout: 10_000 });
    expect(await heard.getByTestId('pour-log-words').textContent()).toBe('Pump ready');
    expect(await heard.textContent()).toContain('Test site_dispatcher · Site dispatcher');
    await roomLog
      .locator('[data-testid="pour-log-entry"][data-code="truck_stuck_at_gate"]')
      .getByText('Truck T05 stuck at the gate')
      .waitFor();

    // The site says how much is still to come; the dispatch room confirms it into the plan.
    await tabletLog.getByTestId('pour-log-quick-pour_finishing').click();
    await tabletLog.getByTestId('pour-log-last-load').fill('4,5');
    await tabletLog.getByTestId('pour-log-last-load-form').getByRole('button', { name: '发送' }).click();
    const proposal = roomLog.locator('[data-testid="pour-log-entry"][data-code="pour_finishing"]');
    await proposal.locator('[data-testid="pour-log-proposal"][data-status="pending"]').waitFor({ timeout: 10_000 });
    await screenshot(room, 'pour-log-dispatch-room');
    await proposal.getByTestId('pour-log-confirm').click();
    await proposal.locator('[data-testid="pour-log-proposal"][data-status="confirmed"]').waitFor();
    await roomLog
      .locator('[data-testid="pour-log-entry"][data-code="pour.remaining_set"]')
      .waitFor({ timeout: 10_000 });
    expect((await crew.dispatcher.get(`/pours/${pour.id}`)).body.volumeM3).toBe(9 + 4.5);
    // The pour's card shows the new plan without a reload.
    await room
      .locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"]`)
      .getByText('of 13.5 m³')
      .waitFor({ timeout: 10_000 });
    // The tablet hears the confirmation too, and its plan shows the new volume.
    await entry(tablet, 'pour_finishing')
      .locator('[data-testid="pour-log-proposal"][data-status="confirmed"]')
      .waitFor({ timeout: 10_000 });
    await screenshot(tablet, 'pour-log-site-tablet');

    // Search: the truck number finds its message and nothing else.
    await roomLog.getByTestId('pour-log-search').fill('t05');
    await room.waitForFunction(
      (pourId) => {
        const log = document.querySelector(
          `[data-testid="operator-pour"][data-pour-id="${pourId}"] [data-testid="pour-log"]`,
        );
        const codes = [...(log?.querySelectorAll('[data-testid="pour-log-entry"]') ?? [])].map((item) =>
          item.getAttribute('data-code'),
        );
        return codes.length === 1 && codes[0] === 'truck_stuck_at_gate';
      },
      pour.id,
      { timeout: 10_000 },
    );
    await roomLog.getByTestId('pour-log-found').waitFor();

    await room.close();
    await tabletContext.close();
  });
});
