import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from './api-process';

export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserSession {
  browser: Browser;
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with no calls home; Playwright gives it a fresh profile. */
export async function launchBrowser(extraArgs: string[] = []): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
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
