import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { adminSession, createUser } from '../support/factories';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  type LoadCrew,
  scheduleLoad,
} from '../support/load-factories';

const SHOTS = 'site-tablet';
const startingNow = () => new Date().toISOString();

describe('The site tablet', () => {
  let session: BrowserSession;
  let browser: Browser;
  let crew: LoadCrew;
  const baseUrl = () => process.env.POURLINE_API_URL!;

  beforeAll(async () => {
    mkdirSync(join(ARTIFACTS_DIR, SHOTS), { recursive: true });
    session = await launchBrowser();
    browser = session.browser;
    crew = await createCrew(await adminSession());
  });
  afterAll(() => session?.close());

  async function openTablet(username: string, password: string, width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.evaluate(() => localStorage.setItem('pourline.theme', 'light'));
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('site-view').waitFor();
    return page;
  }

  it.each([
    [1280, 800],
    [800, 1280],
  ])('explores %ix%i', async (width, height) => {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world, {
      scheduledStart: startingNow(),
      structuralElement: 'Level 12 slab',
    });
    const loads = await Promise.all([0, 1, 2, 3].map(() => scheduleLoad(crew, pour)));
    await advanceLoad(crew, loads[0].id, 'discharging');
    await advanceLoad(crew, loads[1].id, 'on_site');
    await advanceLoad(crew, loads[2].id, 'en_route');
    await advanceLoad(crew, loads[3].id, 'en_route');
    const site = await createUser(crew.admin, 'site_dispatcher');
    await crew.admin.patch(`/projects/${world.project.id}`, { siteDispatcherIds: [site.user.id] });
    const page = await openTablet(site.username, site.password, width, height);
    await page.locator(`[data-testid="site-load"][data-load-id="${loads[3].id}"]`).waitFor();
    await screenshot(page, `${SHOTS}/explore-${width}x${height}`);
    await page.context().close();
  });
});
