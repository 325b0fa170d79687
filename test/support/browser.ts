import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from './api-process';

export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts');
/** Debian's and Ubuntu's Chromium package. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the browser tests: install one (apt-get install chromium, or npx playwright-core install chromium) or set CHROMIUM_PATH to its executable.';

/** The Chromium to drive: CHROMIUM_PATH, else the system's, else one Playwright downloaded. */
export function findChromium(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
  playwrightChromium: () => string = () => chromium.executablePath(),
): string {
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist.`);
    return env.CHROMIUM_PATH;
  }
  if (exists(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  let downloaded = '';
  try {
    downloaded = playwrightChromium();
  } catch {
    // Playwright names no browser of its own on this platform.
  }
  if (downloaded && exists(downloaded)) return downloaded;
  throw new Error(NO_CHROMIUM_MESSAGE);
}

export interface BrowserSession {
  browser: Browser;
  close: () => Promise<void>;
}

/** A headless Chromium with no calls home; Playwright gives it a fresh profile. */
export async function launchBrowser(extraArgs: string[] = []): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

export type DrawnTruckPositions = Record<string, { lat: number; lng: number }>;

/** The console's map debug handle (on with ?debug=1), as the page's window holds it. */
interface MapDebugWindow {
  __pourlineMap?: { truckPositions(): DrawnTruckPositions };
}

/** Where the console's map has drawn each truck. */
export function drawnTruckPositions(page: Page): Promise<DrawnTruckPositions> {
  return page.evaluate(() => (window as MapDebugWindow).__pourlineMap?.truckPositions() ?? {});
}

/** Waits until the console's map has drawn at least one truck, or the one named. */
export async function waitForDrawnTruck(page: Page, truckId?: string, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(
    ([id]) => {
      const drawn = (window as MapDebugWindow).__pourlineMap?.truckPositions() ?? {};
      return id ? Boolean(drawn[id]) : Object.keys(drawn).length > 0;
    },
    [truckId],
    { timeout: timeoutMs },
  );
}
