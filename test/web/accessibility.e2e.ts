import type { Page } from 'playwright-core';
import { describeViolations, seriousAxeViolations } from '../support/axe';
import { launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_PASSWORD, type DemoApi, startDemoApi } from '../support/demo-api';

/** Each main view of the console on the demo, as its role lands on it, scanned by axe-core. */
describe('Accessibility of the main views', () => {
  let demo: DemoApi;
  let session: BrowserSession;

  beforeAll(async () => {
    [demo, session] = await Promise.all([startDemoApi(), launchBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await demo?.stop();
  });

  async function signedIn(username: string, view: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
    const page = await session.browser.newPage({ viewport, bypassCSP: true });
    await page.goto(demo.baseUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(view).waitFor();
    return page;
  }

  async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await screenshot(page, `a11y-${name}`);
    expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
  }

  it('login', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await page.goto(demo.baseUrl);
    await page.getByTestId('login-username').waitFor();
    await expectNoSeriousViolations(page, 'login');
    await page.close();
  });

  it('operator', async () => {
    const page = await signedIn('dispatcher', 'operator-view');
    await page.getByTestId('operator-pour').first().waitFor();
    await expectNoSeriousViolations(page, 'operator');
    await page.locator('[data-testid="operator-pour"][data-status="in_progress"] .op-pour-main').first().click();
    await expectNoSeriousViolations(page, 'operator-pour-open');
    await page.goto(`${demo.baseUrl}/#/pours`);
    await page.waitForTimeout(2000);
    await expectNoSeriousViolations(page, 'board');
    await page.close();
  });

  for (const [user, view] of [
    ['plant', 'plant-view'],
    ['site', 'site-view'],
    ['qc', 'qc-view'],
    ['customer', 'customer-view'],
    ['aftersales', 'aftersales-view'],
  ]) {
    it(user, async () => {
      const page = await signedIn(user, view);
      await page.waitForTimeout(2000);
      await expectNoSeriousViolations(page, user);
      await page.close();
    });
  }
});
