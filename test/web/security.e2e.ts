import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, type BrowserSession } from '../support/browser';
import { adminSession, createUser } from '../support/factories';

/** A 1×1 transparent PNG, served for every map tile so the map draws without the internet. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Violations of the page's content security policy, as the browser reports them to the page. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

describe('The console under its content security policy', () => {
  let session: BrowserSession;
  let dispatcher: { username: string; password: string };

  beforeAll(async () => {
    session = await launchBrowser();
    dispatcher = await createUser(await adminSession(), 'dispatcher');
  });

  afterAll(() => session?.close());

  it('signs in, draws map tiles and goes live with no violation, and keeps no token where script can read it', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const violations = await recordViolations(page);
    let tilesServed = 0;
    await page.route(/tile\.openstreetmap\.org\//, (route) => {
      tilesServed += 1;
      return route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
    });
    await signIn(page, process.env.POURLINE_API_URL!, dispatcher.username, dispatcher.password);
    await page.getByTestId('operator-view').waitFor();
    await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length > 0);
    expect(tilesServed).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);

    const stored = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
    }));
    expect(stored.local).not.toMatch(/eyJ/);
    expect(stored.session).not.toMatch(/eyJ/);
    expect(stored.cookies).not.toContain('pourline_session');
    expect(stored.cookies).toContain('pourline_csrf');

    // A reload keeps the session: the browser holds the cookie, not the page.
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    await screenshot(page, 'console-under-csp');

    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-username').waitFor();
    await page.reload();
    await page.getByTestId('login-username').waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain('pourline_csrf');
    await page.close();
  });
});
