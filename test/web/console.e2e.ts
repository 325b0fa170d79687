import { localDateInZone } from '@pourline/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, type BrowserSession } from '../support/browser';
import {
  adminSession,
  createPour,
  createPump,
  createUser,
  createWorld,
  deliverAllReports,
  expectCreated,
  type PourWorld,
  TINY_PDF,
} from '../support/factories';
import type { Http } from '../support/http';
import { ADMIN_PASSWORD, PLANT_TIME_ZONE } from '../support/test-constants';

/** The console asks for the pours of the plants' calendar day; noon in Shanghai is on it. */
const today = localDateInZone(new Date(), PLANT_TIME_ZONE);
const noonInShanghai = `${today}T04:00:00.000Z`;

describe('The console in a real browser', () => {
  let session: BrowserSession;
  let browser: Browser;
  let baseUrl: string;
  let admin: Http;
  let world: PourWorld;
  const people: Record<string, { username: string; password: string }> = {};

  beforeAll(async () => {
    baseUrl = process.env.POURLINE_API_URL!;
    session = await launchBrowser();
    browser = session.browser;
    admin = await adminSession();
    for (const role of ['dispatcher', 'site_dispatcher', 'qc_inspector', 'after_sales'] as const) {
      const { username, password, user } = await createUser(admin, role);
      people[role] = { username, password };
      if (role === 'site_dispatcher') people.siteUserId = { username: user.id, password: '' };
    }
    world = await createWorld(admin);
  });

  afterAll(() => session?.close());

  async function pageAs(role: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    await signIn(page, baseUrl, people[role].username, people[role].password);
    return page;
  }

  it('tells a person who mistypes the password, and keeps them on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('login-username').fill(people.dispatcher.username);
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toMatch(/wrong username or password/i);
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    await screenshot(page, 'login-error');
    await page.close();
  });

  it('lets a dispatcher open a pour, see its plan on the map and move it, with refusals in words', async () => {
    const pour = await createPour(admin, world, {
      scheduledStart: noonInShanghai,
      structuralElement: 'Browser slab A',
    });
    const page = await pageAs('dispatcher');
    expect(await page.getByTestId('user-role').getAttribute('data-role')).toBe('dispatcher');
    await page.getByTestId('operator-view').waitFor();
    await page.getByTestId('nav-pours').click();
    const row = page.locator(`[data-testid="pour-row"][data-pour-id="${pour.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('12:00');
    await screenshot(page, 'dispatcher-pour-board');

    await row.click();
    await page.getByTestId('pour-detail').waitFor();
    // Entry and exit routes, site and plant geofences at least; the fences load after the plan.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="pour-map"] .leaflet-overlay-pane path').length >= 4,
      undefined,
      { timeout: 15_000 },
    );

    await page.getByTestId('status-action-confirmed').click();
    await page.locator('[data-testid="pour-status"][data-status="confirmed"]').waitFor();
    await page.getByTestId('status-action-ready').click();
    const refusal = page.getByTestId('action-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/report/i);
    expect((await admin.get(`/pours/${pour.id}`)).body.status).toBe('confirmed');
    await screenshot(page, 'dispatcher-pour-detail');
    await page.close();
  });

  it('lets a QC inspector upload a report and mark it delivered', async () => {
    // Pours of one world at the same hour, each on a pump of its own.
    const pour = await createPour(admin, world, {
      scheduledStart: noonInShanghai,
      structuralElement: 'Browser slab B',
      pumpId: (await createPump(admin, world.plant.id)).id,
    });
    const page = await pageAs('qc_inspector', { width: 820, height: 1180 });
    await page.getByTestId('qc-view').waitFor();
    await page.getByTestId('nav-pours').click();
    await page.locator(`[data-testid="pour-row"][data-pour-id="${pour.id}"]`).click();
    await page.getByTestId('documents').waitFor();
    await page.getByTestId('document-type').selectOption('cement_report');
    await page.getByTestId('document-title').fill('Cement test report P.O 42.5');
    await page
      .getByTestId('document-file')
      .setInputFiles({ name: 'cement.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await page.getByTestId('document-upload').click();
    const item = page.getByTestId('document-item').filter({ hasText: 'Cement test report P.O 42.5' });
    await item.waitFor();
    await item.getByTestId('document-deliver').click();
    await item.getByTestId('delivered-to').fill('Site engineer Zhou');
    await item.getByTestId('delivered-confirm').click();
    await item.getByTestId('document-delivery').filter({ hasText: 'Zhou' }).waitFor();
    const documents = (await admin.get(`/pours/${pour.id}/documents`)).body;
    expect(documents).toEqual([expect.objectContaining({ type: 'cement_report', deliveredTo: 'Site engineer Zhou' })]);
    expect(await page.getByTestId('status-action-confirmed').count()).toBe(0);
    await screenshot(page, 'qc-pour-documents');
    await page.close();
  });

  it('shows a site dispatcher only their own projects, in the light tablet theme', async () => {
    const own = await createWorld(admin, [people.siteUserId.username]);
    const ownPour = await createPour(admin, own, {
      scheduledStart: noonInShanghai,
      structuralElement: 'Own site wall',
    });
    const otherPour = await createPour(admin, world, {
      scheduledStart: noonInShanghai,
      structuralElement: 'Not yours',
      pumpId: (await createPump(admin, world.plant.id)).id,
    });
    await deliverAllReports(admin, ownPour.id);
    await expectCreated(admin.post(`/pours/${ownPour.id}/status`, { status: 'confirmed' }));
    const page = await pageAs('site_dispatcher', { width: 1024, height: 1300 });
    await page.getByTestId('site-view').waitFor();
    await page.locator(`[data-testid="site-pour-option"][data-pour-id="${ownPour.id}"]`).waitFor();
    expect(await page.locator(`[data-testid="site-pour-option"][data-pour-id="${otherPour.id}"]`).count()).toBe(0);
    await page.getByTestId('nav-pours').click();
    await page.locator(`[data-testid="pour-row"][data-pour-id="${ownPour.id}"]`).waitFor();
    expect(await page.locator(`[data-pour-id="${otherPour.id}"]`).count()).toBe(0);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    await screenshot(page, 'site-dispatcher-board');
    await page.close();
  });

  it('lands an administrator on the live map with the pour board a tab away', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, baseUrl, 'admin', ADMIN_PASSWORD);
    expect(await page.getByTestId('user-role').getAttribute('data-role')).toBe('admin');
    await page.getByTestId('operator-view').waitFor();
    await page.getByTestId('nav-pours').click();
    await page.getByTestId('pour-board').waitFor();
    await page.close();
  });

  it('switches the console to Chinese and remembers it', async () => {
    const page = await pageAs('after_sales');
    // After-sales lands on its complaints.
    await page.getByTestId('aftersales-view').waitFor();
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByTestId('nav-pours').click();
    await page.getByTestId('pour-board').waitFor();
    await page.reload();
    await page.getByTestId('pour-board').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByTestId('sign-out').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'after-sales-board-zh');
    await page.close();
  });
});
