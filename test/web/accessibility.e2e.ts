import type { Page } from 'playwright-core';
import { describeViolations, seriousAxeViolations } from '../support/axe';
import { launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_PASSWORD, type DemoApi, startDemoApi } from '../support/demo-api';

const DESK = { width: 1920, height: 1080 };
const TABLET = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/**
 * Each main view of the console on the demo, as its role opens it, scanned by axe-core: no serious
 * or critical finding (contrast, names, labels, roles, landmarks, keyboard access to scrolling areas).
 */
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

  /** The console allows no inline script; axe-core is injected as one, so this page bypasses the policy. */
  async function signedIn(username: string, view: string, viewport = DESK): Promise<Page> {
    const page = await session.browser.newPage({ viewport, bypassCSP: true });
    await page.goto(demo.baseUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(view).waitFor();
    return page;
  }

  async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
    // Let the view's data arrive: an empty view has little to find fault with.
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 });
    await screenshot(page, `a11y-${name}`);
    expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
  }

  async function other(page: Page, theme: 'light' | 'dark'): Promise<void> {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme)
      await page.getByTestId('theme-switch').click();
    await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' });
  }

  it('the sign-in page', async () => {
    const page = await session.browser.newPage({ viewport: TABLET, bypassCSP: true });
    await page.goto(demo.baseUrl);
    await page.getByTestId('login-username').waitFor();
    await expectNoSeriousViolations(page, 'login');
    await page.close();
  });

  it('the control room: live map, an open pour with its dispatch, the board and a pour — dark, light and Chinese', async () => {
    const page = await signedIn('dispatcher', 'operator-view');
    await page.locator('[data-testid="operator-pour"][data-status="in_progress"]').first().waitFor();
    await expectNoSeriousViolations(page, 'control-room');
    await page.locator('[data-testid="operator-pour"][data-status="in_progress"] .op-pour-main').first().click();
    await page.getByTestId('pour-timeline').waitFor();
    await page.getByTestId('truck-count').click();
    await page.getByTestId('map-truck-list').waitFor();
    await expectNoSeriousViolations(page, 'control-room-dispatch');
    await other(page, 'light');
    await expectNoSeriousViolations(page, 'control-room-dispatch-light');
    await other(page, 'dark');
    // In Chinese: the page says so (lang), and the longer or shorter words still fit their controls.
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    expect(await page.getByTestId('truck-count').textContent()).toMatch(/地图上/);
    await expectNoSeriousViolations(page, 'control-room-dispatch-zh');
    await page.getByTestId('language-switch').selectOption('en');

    await page.getByTestId('nav-pours').click();
    await page.getByTestId('pour-board').waitFor();
    await expectNoSeriousViolations(page, 'pour-board');
    const pourId = await page.locator('[data-pour-id]').first().getAttribute('data-pour-id');
    await page.goto(`${demo.baseUrl}/#/pours/${pourId}`);
    await page.getByTestId('pour-detail').waitFor();
    await expectNoSeriousViolations(page, 'pour-detail');
    await page.goto(`${demo.baseUrl}/#/pours/${pourId}/evidence`);
    await page.getByTestId('evidence-view').waitFor();
    await expectNoSeriousViolations(page, 'evidence');
    await page.goto(`${demo.baseUrl}/#/reports`);
    await page.getByTestId('reports-view').waitFor();
    await expectNoSeriousViolations(page, 'reports');
    await page.close();
  });

  it('the plant control room and the strength view', async () => {
    const page = await signedIn('plant', 'plant-view');
    await expectNoSeriousViolations(page, 'plant');
    await page.goto(`${demo.baseUrl}/#/strength`);
    await page.getByTestId('strength-view').waitFor();
    await expectNoSeriousViolations(page, 'strength');
    await page.close();
  });

  it('the site tablet, light and dark', async () => {
    const page = await signedIn('site', 'site-view', TABLET);
    await expectNoSeriousViolations(page, 'site-tablet');
    await other(page, 'dark');
    await expectNoSeriousViolations(page, 'site-tablet-dark');
    await page.close();
  });

  it('the QC view', async () => {
    const page = await signedIn('qc', 'qc-view', TABLET);
    await expectNoSeriousViolations(page, 'qc');
    await page.close();
  });

  it('the customer portal on a phone', async () => {
    const page = await signedIn('customer', 'customer-view', PHONE);
    await expectNoSeriousViolations(page, 'customer-phone');
    await page.close();
  });

  it('after-sales', async () => {
    const page = await signedIn('aftersales', 'aftersales-view');
    await expectNoSeriousViolations(page, 'aftersales');
    await page.close();
  });
});
