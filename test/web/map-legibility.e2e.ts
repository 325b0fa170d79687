import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, type BrowserSession } from '../support/browser';
import { adminSession, createPlant, createProject, createUser, expectCreated } from '../support/factories';
import { createTrackedTruck, sendFix } from '../support/live-support';

interface Box {
  x: number;
  y: number;
  right: number;
  bottom: number;
}
interface Badge {
  key: string;
  x: number;
  y: number;
  count: number;
}
/** The console's map debug handle (on with ?debug=1), as much of it as this suite reads. */
interface MapWindow {
  __pourlineMap?: {
    truckPositions(): Record<string, { lat: number; lng: number }>;
    truckPoint(truckId: string): { x: number; y: number } | null;
    clusters(): Badge[];
    labels(): { drawn: Box[]; reserved: Box[] };
    showAt(lat: number, lng: number, zoom: number): void;
  };
}
const overlap = (a: Box, b: Box) => a.x < b.right && a.right > b.x && a.y < b.bottom && a.bottom > b.y;

/** A spot of its own, far from the other suites' trucks. */
const YARD = { lat: 30.512, lng: 119.734 };
const QUEUE = 7;

describe('The control room map stays legible where trucks bunch', () => {
  let session: BrowserSession;
  let page: Page;
  const queued: string[] = [];
  let loner: string;
  let dispatcher: { username: string; password: string };

  const clusters = () => page.evaluate(() => (window as unknown as MapWindow).__pourlineMap?.clusters() ?? []);
  const labels = () =>
    page.evaluate(() => (window as unknown as MapWindow).__pourlineMap?.labels() ?? { drawn: [], reserved: [] });

  /** The yard in view, its badge drawn: other suites' new plants may have moved the map meanwhile. */
  async function lookAtYard(): Promise<void> {
    await page.waitForFunction(
      ({ count, yard }) => {
        const handle = (window as unknown as MapWindow).__pourlineMap;
        if (handle?.clusters().some((c: Badge) => c.count === count)) return true;
        handle?.showAt(yard.lat + 0.005, yard.lng + 0.005, 15);
        return false;
      },
      { count: QUEUE, yard: YARD },
    );
  }

  beforeAll(async () => {
    session = await launchBrowser();
    const admin = await adminSession();
    const plant = await createPlant(admin);
    // A site north-east of the plant and a second plant further north-east, spanning about the whole
    // map at zoom 12 (1920 × 1080): the first plant lands in the bottom-left corner, where the legend is.
    await createProject(admin, plant.id);
    await expectCreated(
      admin.post('/plants', {
        code: `E${Date.now().toString(36)}`,
        name: 'East plant',
        address: 'East road 1',
        location: { lat: 32.1, lng: 119.21 },
        geofence: {
          type: 'Polygon',
          coordinates: [
            [
              [119.209, 32.099],
              [119.211, 32.099],
              [119.211, 32.101],
              [119.209, 32.101],
              [119.209, 32.099],
            ],
          ],
        },
        timeZone: 'Asia/Shanghai',
        slumpStandard: 'gb_t_14902',
      }),
    );
    dispatcher = await createUser(admin, 'dispatcher');
    for (let index = 0; index < QUEUE; index += 1) {
      const truck = await createTrackedTruck(admin, plant.id);
      // A queue at the plant's gate: metres apart, one spot on any screen.
      await sendFix(truck.deviceId, { lat: YARD.lat + index * 0.00001, lng: YARD.lng, at: new Date() });
      queued.push(truck.id);
    }
    const far = await createTrackedTruck(admin, plant.id);
    await sendFix(far.deviceId, { lat: YARD.lat + 0.01, lng: YARD.lng + 0.01, at: new Date() });
    loner = far.id;

    page = await session.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${process.env.POURLINE_API_URL}/?debug=1`);
    await page.getByTestId('login-username').fill(dispatcher.username);
    await page.getByTestId('login-password').fill(dispatcher.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('operator-view').waitFor();
    await page.waitForFunction(
      (ids) => ids.every((id) => Boolean((window as unknown as MapWindow).__pourlineMap?.truckPositions()[id])),
      [...queued, loner],
      { timeout: 20_000 },
    );
    await page.evaluate(
      ({ lat, lng }) => (window as unknown as MapWindow).__pourlineMap?.showAt(lat + 0.005, lng + 0.005, 15),
      YARD,
    );
  });

  afterAll(() => session?.close());

  it('fits the plants on first load clear of the legend over the map', async () => {
    const fresh = await session.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(fresh, process.env.POURLINE_API_URL!, dispatcher.username, dispatcher.password);
    await fresh.getByTestId('operator-view').waitFor();
    await fresh.locator('.map-pin--plant').first().waitFor();
    const legend = (await fresh.getByTestId('live-legend').boundingBox())!;
    const plants = await fresh.locator('.map-pin--plant').evaluateAll((pins) =>
      pins.map((pin) => {
        const { left, top, right, bottom } = pin.getBoundingClientRect();
        return { x: left, y: top, right, bottom };
      }),
    );
    expect(plants.length).toBeGreaterThan(0);
    const legendBox = { x: legend.x, y: legend.y, right: legend.x + legend.width, bottom: legend.y + legend.height };
    await screenshot(fresh, 'map-first-load');
    for (const plant of plants) expect(overlap(plant, legendBox)).toBe(false);
    await fresh.close();
  });

  it('draws a queue at one spot as one counted badge, and a truck on its own as a dot', async () => {
    await lookAtYard();
    const badges = await clusters();
    expect(badges.filter((badge) => badge.count === QUEUE)).toHaveLength(1);
    const badge = badges.find((candidate) => candidate.count === QUEUE)!;
    for (const id of queued) {
      expect(
        await page.evaluate((truck) => (window as unknown as MapWindow).__pourlineMap?.truckPoint(truck), id),
      ).toEqual({
        x: badge.x,
        y: badge.y,
      });
    }
    const lonePoint = await page.evaluate(
      (truck) => (window as unknown as MapWindow).__pourlineMap?.truckPoint(truck),
      loner,
    );
    expect(lonePoint).not.toEqual({ x: badge.x, y: badge.y });
    await screenshot(page, 'map-queue-badge');
  });

  it('gives the pours the sidebar: an empty alert list is one line, a full one at most 40 %', async () => {
    const alerts = (await page.getByTestId('live-events').boundingBox())!;
    const side = (await page.locator('.operator-side').boundingBox())!;
    const board = (await page.getByTestId('operator-pour-board').boundingBox())!;
    // However many alerts the other suites left, they never take more than 40 % nor squeeze the pours.
    expect(alerts.height).toBeLessThanOrEqual(side.height * 0.4 + 1);
    expect(board.height).toBeGreaterThanOrEqual(side.height * 0.33 - 1);
    if ((await page.getByTestId('live-event').count()) === 0) expect(alerts.height).toBeLessThan(side.height * 0.12);
  });

  it('opens the badge into a ring of labelled trucks on a click, each one selectable', async () => {
    await lookAtYard();
    const badge = (await clusters()).find((candidate) => candidate.count === QUEUE)!;
    const map = (await page.getByTestId('live-map').boundingBox())!;
    await page.mouse.click(map.x + badge.x, map.y + badge.y);
    await page.waitForFunction(
      (count) => !(window as unknown as MapWindow).__pourlineMap?.clusters().some((c: Badge) => c.count === count),
      QUEUE,
    );

    const points = await Promise.all(
      queued.map((id) =>
        page.evaluate((truck) => (window as unknown as MapWindow).__pourlineMap!.truckPoint(truck)!, id),
      ),
    );
    for (let a = 0; a < points.length; a += 1) {
      for (let b = a + 1; b < points.length; b += 1) {
        expect(Math.hypot(points[a].x - points[b].x, points[a].y - points[b].y)).toBeGreaterThan(14);
      }
    }
    const { drawn, reserved } = await labels();
    expect(drawn.length).toBeGreaterThanOrEqual(QUEUE);
    for (let a = 0; a < drawn.length; a += 1) {
      for (const other of [...drawn.slice(a + 1), ...reserved]) expect(overlap(drawn[a], other)).toBe(false);
    }
    await screenshot(page, 'map-queue-open');

    await page.mouse.click(map.x + points[2].x, map.y + points[2].y);
    await page.locator(`[data-testid="truck-details"][data-truck-id="${queued[2]}"]`).waitFor();
  });

  it('closes the ring again on a click on the empty map, the selected truck kept apart', async () => {
    await page.evaluate(
      ({ lat, lng }) => (window as unknown as MapWindow).__pourlineMap?.showAt(lat + 0.005, lng + 0.005, 15),
      YARD,
    );
    await page
      .getByTestId('truck-details')
      .getByRole('button')
      .first()
      .click()
      .catch(() => undefined);
    const map = (await page.getByTestId('live-map').boundingBox())!;
    await page.mouse.click(map.x + map.width - 80, map.y + 140);
    await page.waitForFunction(
      (count) => (window as unknown as MapWindow).__pourlineMap?.clusters().some((c: Badge) => c.count >= count - 1),
      QUEUE,
    );
  });
});
