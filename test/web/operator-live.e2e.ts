import { localDateInZone } from '@pourline/domain';
import { PLANT_TIME_ZONE } from '../support/test-constants';
import type { Browser, Page } from 'playwright-core';
import {
  drawnTruckPositions,
  launchBrowser,
  screenshot,
  waitForDrawnTruck,
  type BrowserSession,
} from '../support/browser';
import { adminSession, createUser } from '../support/factories';
import type { Http } from '../support/http';
import { createTrackedTruck, sendFix } from '../support/live-support';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  type LoadCrew,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';

const today = localDateInZone(new Date(), PLANT_TIME_ZONE);
const noonInShanghai = `${today}T04:00:00.000Z`;
/** Noon in Shanghai, or now while that is still ahead: loading a pour hours early needs a reason. */
const startedToday = new Date(Math.min(Date.parse(noonInShanghai), Date.now())).toISOString();

/** The dispatch room's live map, in a real browser, while the fleet and the site act. */
describe('The operator’s live view', () => {
  let session: BrowserSession;
  let browser: Browser;
  let crew: LoadCrew;
  let operator: { username: string; password: string };
  let page: Page;

  beforeAll(async () => {
    session = await launchBrowser();
    browser = session.browser;
    const admin: Http = await adminSession();
    crew = await createCrew(admin);
    const { username, password } = await createUser(admin, 'dispatcher');
    operator = { username, password };
    page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
    await page.goto(`${process.env.POURLINE_API_URL}/?debug=1`);
    await page.getByTestId('login-username').fill(operator.username);
    await page.getByTestId('login-password').fill(operator.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('operator-view').waitFor();
    await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor({ timeout: 15_000 });
  });

  afterAll(() => session?.close());

  const drawnTrucks = () => drawnTruckPositions(page);

  async function waitForTruck(truckId: string, accept: (position: { lat: number; lng: number }) => boolean) {
    await waitForDrawnTruck(page, truckId);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const position = (await drawnTrucks())[truckId];
      if (position && accept(position)) return position;
      if (Date.now() > deadline) throw new Error(`truck ${truckId} not drawn as expected: ${JSON.stringify(position)}`);
      await page.waitForTimeout(200);
    }
  }

  it('shows a truck moving as its tracker reports', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const truck = await createTrackedTruck(crew.admin, world.plant.id);
    await sendFix(truck.deviceId, { lat: 31.91, lng: 118.81, at: new Date() });
    const first = await waitForTruck(truck.id, () => true);
    await sendFix(truck.deviceId, { lat: 31.93, lng: 118.83, at: new Date() });
    const second = await waitForTruck(truck.id, (position) => Math.abs(position.lat - 31.93) < 1e-6);
    expect(second).not.toEqual(first);
    await screenshot(page, 'operator-live-map');
  });

  it('shows a site dispatcher’s "arrived" and a site rejection with its replacement, live', async () => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, { scheduledStart: startedToday, structuralElement: 'Live slab' });
    const load = await scheduleLoad(crew, pour);
    await advanceLoad(crew, load.id, 'en_route');

    await page.reload();
    await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor({ timeout: 15_000 });
    const card = page.locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"]`);
    await card.click();
    const row = (status: string) => page.locator(`[data-testid="timeline-load"][data-status="${status}"]`);
    await row('en_route').waitFor({ timeout: 15_000 });
    // Concrete in transit always comes with the truck carrying it, ETA or not; an active pour is never "not started".
    const nextFact = card.getByTestId('pour-next-eta');
    await expect(nextFact.getAttribute('data-next')).resolves.toBe('on_road');
    await expect(card.getByTestId('pour-pace').getAttribute('data-pace')).resolves.not.toBe('not_started');

    // The site's tablet confirms arrival: the operator's screen follows without a reload.
    expect((await crew.site.post(`/loads/${load.id}/arrive`, {})).status).toBe(200);
    await row('on_site').waitFor({ timeout: 10_000 });
    await card.locator('[data-testid="pour-next-eta"][data-next="on_site"]').waitFor({ timeout: 10_000 });
    await expect(nextFact.textContent()).resolves.toContain('waiting on site');

    const test = await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    expect(test.body.outcome).toBe('rejected');
    await row('rejected').waitFor({ timeout: 10_000 });
    await row('scheduled').waitFor({ timeout: 10_000 });
    await page
      .locator('[data-testid="live-event"]')
      .filter({ hasText: /reject/i })
      .first()
      .waitFor({ timeout: 10_000 });
    await screenshot(page, 'operator-rejection');
  });
});
