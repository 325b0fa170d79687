import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_PASSWORD, type DemoApi, startDemoApi } from '../support/demo-api';

interface Box {
  x: number;
  y: number;
  right: number;
  bottom: number;
}
interface Drawn {
  trucks: Array<{ id: string; x: number; y: number }>;
  badges: Array<{ x: number; y: number; count: number }>;
  labels: { drawn: Box[]; reserved: Box[] };
}
/** The console's map debug handle (on with ?debug=1), as much of it as this suite reads. */
interface MapWindow {
  __pourlineMap?: {
    truckPositions(): Record<string, { lat: number; lng: number }>;
    truckPoint(truckId: string): { x: number; y: number } | null;
    clusters(): Array<{ key: string; x: number; y: number; count: number }>;
    labels(): { drawn: Box[]; reserved: Box[] };
    showAt(lat: number, lng: number, zoom: number): void;
  };
}

const overlap = (a: Box, b: Box) => a.x < b.right && a.right > b.x && a.y < b.bottom && a.bottom > b.y;
const inside = (point: { x: number; y: number }, box: Box, margin = 0) =>
  point.x >= box.x + margin &&
  point.x <= box.right - margin &&
  point.y >= box.y + margin &&
  point.y <= box.bottom - margin;
/** A truck dot's radius and its outline: what must be clear of an overlay. */
const DOT_PX = 7;
/** A badge's radius for a one-digit count; each further digit adds 3 px. */
const BADGE_PX = 12;

/** The demo's batching plant by the development zone, where trucks queue (demo-places.ts). */
const SCREENS = [
  { name: 'control-room-1920', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
  // A 3840 × 2160 wall at 200 %: the same CSS pixels, every one drawn twice as fine.
  { name: 'control-room-wall-3840', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 },
  { name: 'control-room-phone-390', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
] as const;

/** The dispatch room's live view on the demo, at the screen sizes it is used on. */
describe('The control room on its screens', () => {
  let demo: DemoApi;
  let session: BrowserSession;

  beforeAll(async () => {
    [demo, session] = await Promise.all([startDemoApi(), launchBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await demo?.stop();
  });

  async function openControlRoom(screen: (typeof SCREENS)[number]): Promise<Page> {
    const page = await session.browser.newPage({
      viewport: screen.viewport,
      deviceScaleFactor: screen.deviceScaleFactor,
      isMobile: screen.viewport.width < 600,
      hasTouch: screen.viewport.width < 600,
    });
    await page.goto(`${demo.baseUrl}/?debug=1`);
    await page.getByTestId('login-username').fill('dispatcher');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('operator-view').waitFor();
    await page.locator('[data-testid="operator-pour"][data-status="in_progress"]').first().waitFor();
    await page.locator('.map-pin--plant').nth(1).waitFor();
    await page.locator('.site-label').first().waitFor();
    // The demo fleet is on the road: wait until the map has drawn its trucks.
    await page.waitForFunction(
      () => Object.keys((window as unknown as MapWindow).__pourlineMap?.truckPositions() ?? {}).length >= 20,
      undefined,
      { timeout: 60_000 },
    );
    return page;
  }

  const boxOf = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((elements) =>
      elements
        .map((element) => element.getBoundingClientRect())
        .filter((rect) => rect.width > 0 && rect.height > 0)
        .map(({ left, top, right, bottom }) => ({ x: left, y: top, right, bottom })),
    );

  /** Trucks, badges and labels of the map's last frame, in page pixels. */
  const drawn = (page: Page): Promise<Drawn> =>
    page.evaluate(() => {
      const handle = (window as unknown as MapWindow).__pourlineMap!;
      const map = document.querySelector('[data-testid="live-map"]')!.getBoundingClientRect();
      const shift = <T extends { x: number; y: number }>(point: T) => ({
        ...point,
        x: point.x + map.left,
        y: point.y + map.top,
      });
      const shiftBox = (box: Box) => ({
        x: box.x + map.left,
        right: box.right + map.left,
        y: box.y + map.top,
        bottom: box.bottom + map.top,
      });
      const trucks = Object.keys(handle.truckPositions()).flatMap((id) => {
        const point = handle.truckPoint(id);
        return point ? [shift({ id, ...point })] : [];
      });
      const labels = handle.labels();
      return {
        trucks,
        badges: handle.clusters().map(shift),
        labels: { drawn: labels.drawn.map(shiftBox), reserved: labels.reserved.map(shiftBox) },
      };
    });

  for (const screen of SCREENS) {
    describe(`at ${screen.viewport.width} × ${screen.viewport.height} CSS px, ${screen.deviceScaleFactor}× pixels`, () => {
      let page: Page;
      beforeAll(async () => {
        page = await openControlRoom(screen);
      }, 120_000);
      afterAll(() => page?.close());

      it('fits every plant, active site and truck on first load, clear of what is drawn over the map', async () => {
        await screenshot(page, screen.name);
        const [map] = await boxOf(page, '[data-testid="live-map"]');
        const overlays = {
          legend: await boxOf(page, '[data-testid="live-legend"]'),
          truckCount: await boxOf(page, '[data-testid="truck-count"]'),
          tilesNote: await boxOf(page, '[data-testid="map-tiles-offline"]'),
          zoom: await boxOf(page, '.leaflet-control-zoom'),
          attribution: await boxOf(page, '.leaflet-control-attribution'),
        };
        const places = {
          plant: await boxOf(page, '.map-pin--plant'),
          site: await boxOf(page, '.site-label'),
        };
        expect(places.plant.length).toBeGreaterThanOrEqual(2);
        expect(places.site.length).toBeGreaterThanOrEqual(2);
        const { trucks, badges } = await drawn(page);
        expect(trucks.length).toBeGreaterThanOrEqual(20);
        const dots = [...trucks, ...badges].map((truck) => ({
          x: truck.x - DOT_PX,
          y: truck.y - DOT_PX,
          right: truck.x + DOT_PX,
          bottom: truck.y + DOT_PX,
        }));

        const hidden: string[] = [];
        for (const [kind, boxes] of Object.entries({ ...places, truck: dots })) {
          for (const box of boxes) {
            if (!inside({ x: box.x, y: box.y }, map) || !inside({ x: box.right, y: box.bottom }, map)) {
              hidden.push(`${kind} at ${Math.round(box.x)},${Math.round(box.y)} outside the map`);
            }
            for (const [overlay, covers] of Object.entries(overlays)) {
              if (covers.some((cover) => overlap(box, cover))) {
                hidden.push(`${kind} at ${Math.round(box.x)},${Math.round(box.y)} under the ${overlay}`);
              }
            }
          }
        }
        expect(hidden).toEqual([]);
      });

      it('keeps site names apart from each other and from the plants', async () => {
        const sites = await boxOf(page, '.site-label');
        const plants = await boxOf(page, '.map-pin--plant');
        const clashes: string[] = [];
        for (let a = 0; a < sites.length; a += 1) {
          for (const other of [...sites.slice(a + 1), ...plants]) {
            if (overlap(sites[a], other)) clashes.push(`${JSON.stringify(sites[a])} over ${JSON.stringify(other)}`);
          }
        }
        expect(clashes).toEqual([]);
      });

      it('states each pour card’s facts from one derivation: in transit beside its next truck, status beside pace', async () => {
        const cards = await page.getByTestId('operator-pour').evaluateAll((elements) =>
          elements.map((card) => {
            const volumes = card.querySelector('[data-testid="pour-volumes"]')!;
            const number = (name: string) => Number(volumes.getAttribute(name));
            return {
              pour: card.getAttribute('data-pour-id'),
              status: card.getAttribute('data-status'),
              planned: number('data-planned'),
              delivered: number('data-delivered'),
              inTransit: number('data-in-transit'),
              remaining: number('data-remaining'),
              next: card.querySelector('[data-testid="pour-next-eta"]')!.getAttribute('data-next'),
              pace: card.querySelector('[data-testid="pour-pace"]')!.getAttribute('data-pace'),
            };
          }),
        );
        expect(cards.filter((card) => card.status === 'in_progress').length).toBeGreaterThanOrEqual(2);
        for (const card of cards) {
          expect({ card, transitMatchesNext: card.inTransit > 0 === (card.next !== 'none') }).toMatchObject({
            transitMatchesNext: true,
          });
          if (card.status === 'in_progress') expect(card.pace).not.toBe('not_started');
          if (card.status === 'completed' || card.status === 'cancelled') expect(card.pace).toBe('done');
          if (card.pace === 'not_started') expect(card.delivered + card.inTransit).toBe(0);
          expect(card.remaining).toBeCloseTo(Math.max(0, card.planned - card.delivered - card.inTransit), 5);
        }
      });

      it('gives an empty alert list one line, and a full one no more than its share', async () => {
        const [alerts] = await boxOf(page, '[data-testid="live-events"]');
        const [heading] = await boxOf(page, '#op-events-title');
        const events = await page.getByTestId('live-event').count();
        if (events === 0) {
          expect(alerts.bottom - alerts.y).toBeLessThanOrEqual((heading.bottom - heading.y) * 2.5);
        } else {
          const [side] = await boxOf(page, '.operator-side');
          expect(alerts.bottom - alerts.y).toBeLessThanOrEqual((side.bottom - side.y) * 0.4 + 1);
        }
      });

      it('draws no truck label over another or over a site name where the trucks bunch', async () => {
        // The busiest place: the site with most trucks around it, looked at close enough for labels.
        const busiest = await page.evaluate(() => {
          const handle = (window as unknown as MapWindow).__pourlineMap!;
          const positions = Object.values(handle.truckPositions());
          let best = positions[0];
          let bestCount = 0;
          for (const candidate of positions) {
            const near = positions.filter(
              (other) => Math.abs(other.lat - candidate.lat) < 0.004 && Math.abs(other.lng - candidate.lng) < 0.004,
            ).length;
            if (near > bestCount) [best, bestCount] = [candidate, near];
          }
          handle.showAt(best.lat, best.lng, 16);
          return { ...best, trucks: bestCount };
        });
        expect(busiest.trucks).toBeGreaterThanOrEqual(2);
        // Bunched into a badge, the trucks are labelled once it opens into its ring, as a click does.
        await page.waitForTimeout(300);
        const [badge] = await page.evaluate(() => (window as unknown as MapWindow).__pourlineMap!.clusters());
        if (badge) {
          const [map] = await boxOf(page, '[data-testid="live-map"]');
          await page.mouse.click(map.x + badge.x, map.y + badge.y);
        }
        await page.waitForFunction(
          () => ((window as unknown as MapWindow).__pourlineMap?.labels().drawn.length ?? 0) > 0,
        );
        // The pointer off the map, so no hover tooltip covers the ring in the picture.
        await page.mouse.move(0, 0);
        await screenshot(page, `${screen.name}-close`);
        const { labels, trucks, badges } = await drawn(page);
        const clashes: string[] = [];
        for (let a = 0; a < labels.drawn.length; a += 1) {
          for (const other of [...labels.drawn.slice(a + 1), ...labels.reserved]) {
            if (overlap(labels.drawn[a], other))
              clashes.push(`label ${JSON.stringify(labels.drawn[a])} over ${JSON.stringify(other)}`);
          }
        }
        // A truck beside a badge is drawn clear of it; one under it is counted in it.
        for (const truck of trucks) {
          for (const badge of badges) {
            const distance = Math.hypot(truck.x - badge.x, truck.y - badge.y);
            if (distance > 0 && distance < BADGE_PX + String(badge.count).length * 3 + DOT_PX - 3) {
              clashes.push(`truck ${truck.id} ${distance.toFixed(1)} px from the centre of a badge of ${badge.count}`);
            }
          }
        }
        expect(clashes).toEqual([]);
      });
    });
  }
});
