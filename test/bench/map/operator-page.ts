import type { Browser, Page } from 'playwright-core';
import { type DrawnPoint, type MapView, viewFromPoints } from './map-view';

export interface OperatorMap {
  page: Page;
  close: () => Promise<void>;
}

export interface TruckLayerStats {
  frames: number;
  trucks: number;
  /** Fixes the layer has been handed since the page opened. */
  fixes: number;
  /** What the last frame drew. */
  dots: number;
  badges: number;
  labels: number;
}

/** The admin's landing page, the operator view, with the map's debug handle on. */
export async function openOperatorMap(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number },
  credentials: { username: string; password: string },
): Promise<OperatorMap> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/?debug=1`);
  await page.getByTestId('login-username').fill(credentials.username);
  await page.getByTestId('login-password').fill(credentials.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('operator-view').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor({ timeout: 30_000 });
  return { page, close: () => context.close() };
}

/** Until the live store holds about every truck. */
export async function waitForTruckCount(page: Page, trucks: number, timeoutMs: number): Promise<number> {
  const wanted = Math.floor(trucks * 0.99);
  const count = page.getByTestId('truck-count');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = Number(await count.getAttribute('data-count'));
    if (seen >= wanted) return seen;
    if (Date.now() > deadline) throw new Error(`the operator map shows ${seen} trucks after ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

const DRAWN_TRUCKS = `(() => {
  const handle = window.__pourlineMap;
  const positions = handle.truckPositions();
  return Object.keys(positions).map((id) => ({ ...positions[id], ...handle.truckPoint(id) }));
})()`;

async function drawnTrucks(page: Page): Promise<DrawnPoint[]> {
  return (await page.evaluate(DRAWN_TRUCKS)) as DrawnPoint[];
}

function inside(point: DrawnPoint, width: number, height: number): boolean {
  return point.x >= 0 && point.y >= 0 && point.x <= width && point.y <= height;
}

/**
 * The map lands fitted to the bench plant, with most of the fleet off
 * screen; zooms out as a dispatcher would until the whole fleet is in view,
 * and says what the view is so the baseline can show the same.
 */
export async function showWholeFleet(page: Page): Promise<{ view: MapView; inView: number }> {
  const box = await page.getByTestId('live-map').boundingBox();
  if (!box) throw new Error('the operator map has no size');
  const { width, height } = box;
  for (let attempt = 0; ; attempt += 1) {
    const trucks = await drawnTrucks(page);
    const inView = trucks.filter((truck) => inside(truck, width, height)).length;
    const zoomOut = page.locator('.leaflet-control-zoom-out');
    const atMinimum = (await zoomOut.getAttribute('class'))?.includes('leaflet-disabled') ?? true;
    if (inView >= trucks.length * 0.99 || atMinimum || attempt >= 10) {
      const south = trucks.reduce((a, b) => (b.lat < a.lat ? b : a));
      const north = trucks.reduce((a, b) => (b.lat > a.lat ? b : a));
      return { view: viewFromPoints(south, north, width, height), inView };
    }
    await zoomOut.click();
    // Leaflet's zoom animation takes 250 ms.
    await page.waitForTimeout(600);
  }
}

export async function truckLayerStats(page: Page): Promise<TruckLayerStats> {
  return (await page.evaluate('window.__pourlineMap.frameStats()')) as TruckLayerStats;
}

/** The truck layer's own timings, in the shape measureDrawing reads. */
export const operatorTimings = (from: number) => `window.__pourlineMap.layerTimings(${from})`;

/**
 * Every truck on the map gets a fix a few metres from where it is drawn, once a second, spread
 * over the second, handed to the truck layer straight: the layer alone at the full fleet rate.
 */
const START_FEEDER = `(() => {
  const handle = window.__pourlineMap;
  const start = handle.truckPositions();
  const ids = Object.keys(start);
  const slices = 50;
  const perSlice = Math.ceil(ids.length / slices);
  let slice = 0;
  let second = 0;
  let fed = 0;
  const timer = setInterval(() => {
    const end = Math.min(ids.length, (slice + 1) * perSlice);
    for (let index = slice * perSlice; index < end; index += 1) {
      const home = start[ids[index]];
      const angle = index * 0.37 + second * 0.3;
      handle.moveTruck(ids[index], home.lat + 0.0005 * Math.sin(angle), home.lng + 0.0005 * Math.cos(angle));
      fed += 1;
    }
    slice += 1;
    if (slice === slices) {
      slice = 0;
      second += 1;
    }
  }, 1000 / slices);
  window.__benchFeeder = { stop: () => clearInterval(timer), fed: () => fed };
})()`;

export async function startInPageFeeder(
  page: Page,
): Promise<{ fed: () => Promise<number>; stop: () => Promise<void> }> {
  await page.evaluate(START_FEEDER);
  return {
    fed: async () => (await page.evaluate('window.__benchFeeder.fed()')) as number,
    stop: async () => {
      await page.evaluate('window.__benchFeeder.stop()');
    },
  };
}
