import { localDateInZone } from '@pourline/domain';
import type { Page } from 'playwright-core';
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
import { createTrackedTruck, sendFix, waitFor } from '../support/live-support';
import { PLANT_TIME_ZONE } from '../support/test-constants';

const today = localDateInZone(new Date(), PLANT_TIME_ZONE);
/** Noon in Shanghai, or now while that is still ahead: loading a pour hours early needs a reason. */
const startedToday = new Date(Math.min(Date.parse(`${today}T04:00:00.000Z`), Date.now())).toISOString();
/** Other suites' pours and trucks share the board: enough presses to pass them all (a press and a look take a few ms). */
const MAX_TABS = 1_500;

/** What has the keyboard's focus: its test id, else its tag, with the ids a test matches on. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const holder = (name: string) => element?.closest(`[${name}]`)?.getAttribute(name) ?? null;
    return {
      testId: element?.getAttribute('data-testid') ?? element?.tagName.toLowerCase() ?? null,
      pourId: holder('data-pour-id'),
      loadId: holder('data-load-id'),
      truckId: holder('data-truck-id'),
      seq: holder('data-seq'),
      text: element?.textContent?.trim().slice(0, 80) ?? '',
    };
  });
}
type Focus = Awaited<ReturnType<typeof focused>>;

/** Presses Tab (Shift+Tab backwards) until the focus is where `wanted` says; returns the stops passed on the way. */
async function tabUntil(page: Page, wanted: (focus: Focus) => boolean, backwards = false): Promise<Focus[]> {
  const passed: Focus[] = [];
  for (let press = 0; press < MAX_TABS; press += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    if (wanted(focus)) return passed;
    passed.push(focus);
  }
  throw new Error(`not reached by ${MAX_TABS} presses of Tab; last stops: ${JSON.stringify(passed.slice(-5))}`);
}

/** The dispatch room run from the keyboard alone: no mouse click from sign-in to the last step. */
describe('The control room by keyboard', () => {
  let session: BrowserSession;
  let page: Page;
  let crew: LoadCrew;

  beforeAll(async () => {
    session = await launchBrowser();
    crew = await createCrew(await adminSession());
  });
  afterAll(() => session?.close());

  it('selects a pour, gives a rejected load’s replacement a truck, starts loading it and acknowledges the alert', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, {
      scheduledStart: startedToday,
      structuralElement: 'Keyboard slab',
    });
    const rejected = await loadOnSite(crew, pour);
    await recordQcTest(crew.qc, rejected.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    const replacement = (await pourLoads(crew.dispatcher, pour.id)).loads.find(
      (load) => load.replacesLoadId === rejected.id,
    )!;
    const spare = await createTruck(crew.admin, world.plant.id);
    const { username, password } = await createUser(crew.admin, 'dispatcher');

    page = await session.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(process.env.POURLINE_API_URL!);
    await page.getByTestId('login-username').focus();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-view').waitFor();
    await page.locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"]`).waitFor();
    await page
      .locator('[data-testid="alert"][data-acknowledged="false"]')
      .filter({ hasText: rejected.ticketNumber })
      .waitFor();

    // The pour's card is a stop of its own; Enter opens it where the dispatcher is.
    const toCard = await tabUntil(page, (focus) => focus.pourId === pour.id);
    expect(toCard.map((stop) => stop.testId)).toContain('truck-count');
    expect((await focused(page)).text).toContain('Keyboard slab');
    await page.keyboard.press('Enter');
    await page
      .locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"] .op-pour-main[aria-expanded="true"]`)
      .waitFor();

    // The replacement's "Assign truck", then the truck list in its place, focused, with the spare chosen.
    await tabUntil(page, (focus) => focus.loadId === replacement.id && focus.testId === 'load-assign-truck');
    await page.keyboard.press('Enter');
    await page.getByTestId('load-truck').waitFor();
    expect(await focused(page)).toMatchObject({ testId: 'load-truck' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.getByTestId('load-truck').inputValue()).toBe(spare.id);
    await screenshot(page, 'control-room-keyboard-assign');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ testId: 'load-assign-truck-submit' });
    await page.keyboard.press('Enter');
    await waitFor(
      'the spare truck on the replacement',
      async () => ((await getLoad(crew.dispatcher, replacement.id)).truckId === spare.id ? true : undefined),
      10_000,
    );

    // Focus comes back to the load's next step, not to the top of the page: Enter starts loading.
    await page.waitForFunction((loadId) => {
      const element = document.activeElement;
      return (
        element?.getAttribute('data-testid') === 'load-start-loading' &&
        element.closest('[data-load-id]')?.getAttribute('data-load-id') === loadId
      );
    }, replacement.id);
    await page.keyboard.press('Enter');
    await waitFor(
      'the replacement loading',
      async () => ((await getLoad(crew.dispatcher, replacement.id)).status === 'loading' ? true : undefined),
      10_000,
    );

    // On down the sidebar to the rejection's alert: acknowledged with a note, all from the keys.
    const alert = page
      .locator('[data-testid="alert"][data-acknowledged="false"]')
      .filter({ hasText: rejected.ticketNumber });
    const seq = await alert.getAttribute('data-seq');
    await tabUntil(page, (focus) => focus.seq === seq && focus.testId === 'alert-acknowledge');
    await page.keyboard.press('Enter');
    await page.getByTestId('alert-note').waitFor();
    expect(await focused(page)).toMatchObject({ testId: 'alert-note' });
    await page.keyboard.type('Replacement loading with the spare truck');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ testId: 'alert-acknowledge-submit' });
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="alert"][data-seq="${seq}"][data-acknowledged="true"]`).waitFor();
    const open = (await crew.dispatcher.get('/alerts?open=true')).body;
    expect(open.some((item: any) => item.payload?.load?.id === rejected.id)).toBe(false);
    await screenshot(page, 'control-room-keyboard-done');
  }, 180_000);

  it('reaches every truck of the map from the count over it, opens its card and closes it with Escape', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const truck = await createTrackedTruck(crew.admin, world.plant.id);
    await sendFix(truck.deviceId, { lat: 30.4, lng: 119.6, at: new Date() });
    await page.reload();
    await page.getByTestId('operator-view').waitFor();
    await page.waitForFunction(
      (wanted) => Number(document.querySelector('[data-testid="truck-count"]')?.getAttribute('data-count')) >= wanted,
      1,
    );

    await tabUntil(page, (focus) => focus.testId === 'truck-count');
    await page.keyboard.press('Enter');
    await page.getByTestId('map-truck-list').waitFor();
    expect(await page.getByTestId('truck-count').getAttribute('aria-expanded')).toBe('true');
    await tabUntil(page, (focus) => focus.truckId === truck.id && focus.testId === 'map-truck-list-item');
    await screenshot(page, 'control-room-keyboard-truck-list');
    await page.keyboard.press('Enter');

    const card = page.locator(`[data-testid="truck-details"][data-truck-id="${truck.id}"]`);
    await card.waitFor();
    expect(await page.getByTestId('map-truck-list').count()).toBe(0);
    // The card takes the focus, so its facts and actions come next in the tab order.
    expect(await card.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    expect(await card.textContent()).toContain(truck.fleetNumber);

    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await focused(page)).toMatchObject({ testId: 'truck-count' });

    // Escape closes the list too, the focus back on the count.
    await page.keyboard.press('Enter');
    await page.getByTestId('map-truck-list').waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ testId: 'map-truck-list-item' });
    await page.keyboard.press('Escape');
    await page.getByTestId('map-truck-list').waitFor({ state: 'detached' });
    expect(await focused(page)).toMatchObject({ testId: 'truck-count' });
  }, 120_000);
});
