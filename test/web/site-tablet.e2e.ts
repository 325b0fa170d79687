import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR, launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { adminSession, createPour, createUser } from '../support/factories';
import type { Http } from '../support/http';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  getLoad,
  type LoadCrew,
  scheduleLoad,
} from '../support/load-factories';

const SHOTS = 'site-tablet';
const HOUR_MS = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
/** The undo window of hold, blocked and breakdown, and a little more. */
const PAST_UNDO_MS = 6_000;
/** A header on one row: the brand's and the buttons' height with their padding, not two rows of them. */
const ONE_ROW_HEADER_PX = 80;
const GLOVED_TARGET_PX = 48;
const LANDSCAPE = { width: 1280, height: 800 };
const PORTRAIT = { width: 800, height: 1280 };

interface SiteScene {
  page: Page;
  pourId: string;
  pumpId: string;
  projectName: string;
  loadIds: { discharging: string; onSite: string; firstComing: string; secondComing: string };
}

/** The site dispatcher's tablet, at the two sizes a tablet is held, in a real browser. */
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

  /**
   * A pour going on now with a truck discharging, one waiting on site and two
   * on the way; a second project's pour today; and, on the first project, a
   * draft and pours of other days the picker must keep out of the way.
   */
  async function siteScene(viewport: { width: number; height: number }, clock = false): Promise<SiteScene> {
    const site = await createUser(crew.admin, 'site_dispatcher');
    const world = await createLoadWorld(crew.admin, crew, { siteDispatcherIds: [site.user.id] });
    const pour = await createReadyPour(crew, world, { scheduledStart: at(0), structuralElement: 'Level 12 slab' });
    // One after the other, so the plant's queue has them in this order.
    const loads = [];
    for (let i = 0; i < 4; i += 1) loads.push(await scheduleLoad(crew, pour));
    await advanceLoad(crew, loads[0].id, 'discharging');
    await advanceLoad(crew, loads[1].id, 'on_site');
    await advanceLoad(crew, loads[2].id, 'en_route');
    await advanceLoad(crew, loads[3].id, 'en_route');

    const next = await createLoadWorld(crew.admin, crew, { siteDispatcherIds: [site.user.id] });
    await createReadyPour(crew, next, { scheduledStart: at(0), structuralElement: 'Core wall L3' });
    await createPour(crew.dispatcher, world, { scheduledStart: at(0), structuralElement: 'Draft today', pumpId: null });
    await createReadyPour(crew, world, { scheduledStart: at(24 * HOUR_MS), structuralElement: 'Roof slab' });
    await createReadyPour(crew, world, { scheduledStart: at(-24 * HOUR_MS), structuralElement: 'Ground beams' });
    await createPour(crew.dispatcher, world, {
      scheduledStart: at(48 * HOUR_MS),
      structuralElement: 'Draft later',
      pumpId: null,
    });

    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    if (clock) await page.clock.install();
    await page.goto(baseUrl());
    await page.getByTestId('login-username').fill(site.username);
    await page.getByTestId('login-password').fill(site.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('site-view').waitFor();
    const option = page.locator(`[data-testid="site-pour-option"][data-pour-id="${pour.id}"]`);
    await option.click();
    await page.locator(`[data-testid="site-load"][data-load-id="${loads[3].id}"]`).waitFor();
    await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor({ timeout: 10_000 });
    // Taps above leave the page where it was loaded: at the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    return {
      page,
      pourId: pour.id,
      pumpId: world.pump.id,
      projectName: world.project.name,
      loadIds: { discharging: loads[0].id, onSite: loads[1].id, firstComing: loads[2].id, secondComing: loads[3].id },
    };
  }

  const truck = (page: Page, loadId: string) => page.locator(`[data-testid="site-load"][data-load-id="${loadId}"]`);

  /** Wholly inside the window as it is, without scrolling. */
  async function inFirstScreen(page: Page, locator: Locator): Promise<boolean> {
    const box = await locator.boundingBox();
    const { width, height, scrollY } = await page.evaluate(() => ({
      width: window.innerWidth,
      height: window.innerHeight,
      scrollY: window.scrollY,
    }));
    return (
      scrollY === 0 &&
      box !== null &&
      box.y >= 0 &&
      box.x >= 0 &&
      box.y + box.height <= height &&
      box.x + box.width <= width
    );
  }

  /** Pairs of header items drawn over each other, by their text. */
  function headerOverlaps(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const items = [
        ...document.querySelectorAll<HTMLElement>(
          '.app-header .brand, .app-header .main-nav-link, .header-tools > :not(.user-menu), .user-menu > *',
        ),
      ].map((element) => ({ name: element.textContent?.trim() ?? '', box: element.getBoundingClientRect() }));
      const overlaps: string[] = [];
      for (const [i, a] of items.entries()) {
        for (const b of items.slice(i + 1)) {
          const apart =
            a.box.right <= b.box.left ||
            b.box.right <= a.box.left ||
            a.box.bottom <= b.box.top ||
            b.box.bottom <= a.box.top;
          if (!apart) overlaps.push(`${a.name} / ${b.name}`);
        }
      }
      return overlaps;
    });
  }

  it.each([
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ])(
    'shows the trucks on site and on the way with their big buttons on the first screen, held %s',
    async (name, viewport) => {
      const { page, loadIds } = await siteScene(viewport);
      // Once the truck waiting on site knows it has no test yet, it offers one beside its next step.
      await truck(page, loadIds.onSite).getByTestId('site-test-open').waitFor();
      await screenshot(page, `${SHOTS}/first-screen-${name}`);

      const arrive = truck(page, loadIds.firstComing).getByTestId('site-action-arrive');
      expect(await inFirstScreen(page, arrive)).toBe(true);
      expect(await inFirstScreen(page, truck(page, loadIds.discharging).getByTestId('site-action-end-discharge'))).toBe(
        true,
      );
      expect(await inFirstScreen(page, truck(page, loadIds.onSite).getByTestId('site-action-start-discharge'))).toBe(
        true,
      );
      // With no ETA yet, the trucks on the way come in the plant's order: the first is the first in sight.
      expect(await page.getByTestId('site-coming').getByTestId('site-load').first().getAttribute('data-load-id')).toBe(
        loadIds.firstComing,
      );

      const header = await page.locator('.app-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(ONE_ROW_HEADER_PX);
      expect(await headerOverlaps(page)).toEqual([]);
      const summary = await page.getByTestId('site-pour-summary').boundingBox();
      expect(summary!.height).toBeLessThanOrEqual(viewport.width > viewport.height ? 110 : 150);

      // Gloved hands: every button and field on the tablet is at least 48 px each way.
      const small = await page.evaluate((minimum) => {
        const tooSmall: string[] = [];
        for (const target of document.querySelectorAll<HTMLElement>(
          '.site-view button, .site-view input, .site-view select',
        )) {
          const box = target.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          if (box.width < minimum || box.height < minimum) {
            const name = target.textContent?.trim() || target.getAttribute('placeholder') || target.tagName;
            tooSmall.push(`${name} ${Math.round(box.width)}x${Math.round(box.height)}`);
          }
        }
        return tooSmall;
      }, GLOVED_TARGET_PX);
      expect(small).toEqual([]);

      await arrive.click();
      await truck(page, loadIds.firstComing).and(page.locator('[data-status="on_site"]')).waitFor();
      expect((await getLoad(crew.dispatcher, loadIds.firstComing)).status).toBe('on_site');
      await page.context().close();
    },
  );

  it.each([
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ])(
    'names project and element in the picker, today’s pours only, other days a tap away (%s)',
    async (name, viewport) => {
      const { page, pourId, projectName } = await siteScene(viewport);
      const options = page.getByTestId('site-pour-picker').getByTestId('site-pour-option');
      const words = await options.allTextContents();
      expect(words).toHaveLength(2);
      expect(words.find((text) => text.includes('Level 12 slab'))).toContain(projectName);
      expect(words.some((text) => text.includes('Core wall L3'))).toBe(true);
      // No drafts, no other days until asked.
      expect(words.join(' ')).not.toMatch(/Draft|Roof slab|Ground beams/);
      expect(await page.getByTestId('site-pour-others').count()).toBe(0);

      await page.getByTestId('site-pour-other-days').click();
      const others = page.getByTestId('site-pour-others');
      await others.getByTestId('site-pour-option').first().waitFor();
      const otherWords = (await others.getByTestId('site-pour-option').allTextContents()).join(' | ');
      // The nearest coming pour first, then the past one.
      expect(otherWords).toMatch(/Roof slab.*\|.*Ground beams/);
      expect(otherWords).toContain(projectName);
      expect(otherWords).not.toContain('Draft');
      await screenshot(page, `${SHOTS}/picker-other-days-${name}`);

      await others.locator('[data-testid="site-pour-option"]', { hasText: 'Roof slab' }).click();
      await page.getByTestId('site-pour-summary').filter({ hasText: 'Roof slab' }).waitFor();
      expect(await page.getByTestId('site-pour-others').count()).toBe(0);
      // The other day's pour stays named in the picker while followed; today's is one tap back.
      await page.locator('[data-testid="site-pour-option"][data-day="other"][aria-pressed="true"]').waitFor();
      await page.locator(`[data-testid="site-pour-option"][data-pour-id="${pourId}"]`).click();
      await page.locator(`[data-testid="site-pour-summary"][data-pour-id="${pourId}"]`).waitFor();
      await page.context().close();
    },
  );

  async function pumpHistory(session: Http, pumpId: string): Promise<string[]> {
    const answer = await session.get<{ status: string }[]>(`/pumps/${pumpId}/status-history`);
    expect(answer.status).toBe(200);
    return answer.body.map((entry) => entry.status);
  }

  async function holdRequests(session: Http, pourId: string): Promise<string[]> {
    const answer = await session.get<{ pourId: string; kind: string }[]>('/pour-requests');
    expect(answer.status).toBe(200);
    return answer.body.filter((request) => request.pourId === pourId).map((request) => request.kind);
  }

  it('takes back a breakdown tapped by mistake before the server hears of it, and sends one left to its window', async () => {
    const { page, pumpId } = await siteScene(LANDSCAPE, true);
    const before = await pumpHistory(crew.dispatcher, pumpId);
    // The undo bar in the dark theme, the other screenshots being in the tablet's light one.
    await page.getByTestId('theme-switch').click();

    await page.getByTestId('site-pump-status-breakdown').click();
    const undo = page.locator('[data-testid="site-undo"][data-kind="pump-status"]');
    await undo.waitFor();
    expect(await undo.textContent()).toContain('Breakdown');
    await screenshot(page, `${SHOTS}/undo-breakdown-landscape-dark`);
    await undo.getByTestId('site-undo-button').click();
    await undo.waitFor({ state: 'detached' });
    // Long past the window: nothing was sent and nothing waits.
    await page.clock.fastForward(PAST_UNDO_MS);
    await page.locator('[data-testid="site-outbox"][data-pending="0"]').waitFor();
    expect(await pumpHistory(crew.dispatcher, pumpId)).toEqual(before);
    expect(await page.getByTestId('site-pump-status-breakdown').getAttribute('aria-pressed')).toBe('false');

    // Left alone, a blocked line goes out once the window has passed, not before.
    await page.getByTestId('site-pump-status-blocked').click();
    await undo.waitFor();
    expect(await pumpHistory(crew.dispatcher, pumpId)).toEqual(before);
    await page.clock.fastForward(PAST_UNDO_MS);
    await page.locator('[data-testid="site-outbox"][data-pending="0"]').waitFor();
    const after = await pumpHistory(crew.dispatcher, pumpId);
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContain('blocked');
    expect(after).not.toContain('breakdown');
    await page.context().close();
  });

  it('keeps a hold tapped offline through its window and sends it when the network returns; one undone never goes', async () => {
    const { page, pourId } = await siteScene(PORTRAIT, true);
    // In Chinese, as the site reads it.
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByTestId('site-pour-other-days').filter({ hasText: '其他日期' }).waitFor();
    expect(
      await page.locator('.app-header').evaluate((header) => header.getBoundingClientRect().height),
    ).toBeLessThanOrEqual(ONE_ROW_HEADER_PX);
    const undo = page.locator('[data-testid="site-undo"][data-kind="pour-request"]');

    await page.getByTestId('site-request-note').fill('Rebar check on the east bay');
    await page.getByTestId('site-request-hold').click();
    expect(await page.getByTestId('site-request-note').inputValue()).toBe('');
    await undo.getByTestId('site-undo-button').click();
    // What was written for dispatch comes back with the request taken back.
    expect(await page.getByTestId('site-request-note').inputValue()).toBe('Rebar check on the east bay');
    await page.clock.fastForward(PAST_UNDO_MS);
    expect(await holdRequests(crew.dispatcher, pourId)).toEqual([]);

    await page.context().setOffline(true);
    await page.getByTestId('site-request-hold').click();
    await undo.waitFor();
    expect(await undo.textContent()).toMatch(/暂停.*秒后发送/);
    await screenshot(page, `${SHOTS}/undo-hold-portrait-zh`);
    await page.clock.fastForward(PAST_UNDO_MS);
    // The window is over: no undo any more, and the hold waits for the network.
    await undo.waitFor({ state: 'detached' });
    await page.locator('[data-testid="site-outbox"][data-pending="1"]').waitFor();
    expect(await holdRequests(crew.dispatcher, pourId)).toEqual([]);

    await page.context().setOffline(false);
    await page.locator('[data-testid="site-outbox"][data-pending="0"]').waitFor({ timeout: 20_000 });
    expect(await holdRequests(crew.dispatcher, pourId)).toEqual(['hold']);
    await page.context().close();
  });

  async function siteTests(loadId: string): Promise<string[]> {
    const answer = await crew.dispatcher.get<{ stage: string; outcome: string }[]>(`/loads/${loadId}/qc-tests`);
    return answer.body.filter((test) => test.stage === 'site').map((test) => test.outcome);
  }

  it.each([
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ])('asks once more before a site test that rejects the load is sent (%s)', async (name, viewport) => {
    const { page, loadIds } = await siteScene(viewport);
    const row = truck(page, loadIds.onSite);
    await row.getByTestId('site-test-open').click();
    await row.getByTestId('site-test-slump').fill(String(FAILING_SLUMP_MM));
    // Too hot as well as too stiff: no check test can save it.
    await row.getByTestId('site-test-temperature').fill('38');
    await row.locator('[data-testid="qc-preview"][data-outcome="rejected"]').waitFor();
    await row.getByTestId('site-test-submit').click();

    const confirm = row.getByTestId('site-test-confirm');
    await confirm.waitFor();
    await confirm.scrollIntoViewIfNeeded();
    await screenshot(page, `${SHOTS}/reject-confirm-${name}`);
    expect(await siteTests(loadIds.onSite)).toEqual([]);
    // Going back to the readings sends nothing either.
    await row.getByTestId('site-test-confirm-back').click();
    await row.getByTestId('site-test-submit').waitFor();
    expect(await siteTests(loadIds.onSite)).toEqual([]);

    await row.getByTestId('site-test-submit').click();
    await row.getByTestId('site-test-confirm-reject').click();
    await page.locator('[data-testid="site-test-verdict"][data-outcome="rejected"]').waitFor({ timeout: 15_000 });
    expect((await getLoad(crew.dispatcher, loadIds.onSite)).status).toBe('rejected');
    expect(await siteTests(loadIds.onSite)).toEqual(['rejected']);
    await page.context().close();
  });
});
