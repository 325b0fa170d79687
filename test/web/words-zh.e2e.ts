import { localDateInZone } from '@pourline/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { adminSession, createPour, createUser, expectCreated, type PourWorld, TINY_PDF } from '../support/factories';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  type LoadCrew,
  loadOnSite,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';
import { PLANT_TIME_ZONE } from '../support/test-constants';

const today = localDateInZone(new Date(), PLANT_TIME_ZONE);
/** Noon in Shanghai, or now while that is still ahead: loading a pour hours early needs a reason. */
const startedToday = new Date(Math.min(Date.parse(`${today}T04:00:00.000Z`), Date.now())).toISOString();

/** Validation errors, refusals and test verdicts, read in Chinese: the server sends codes, the console words them. */
describe('The console in Chinese', () => {
  let session: BrowserSession;
  let browser: Browser;
  let crew: LoadCrew;
  let world: PourWorld;
  const baseUrl = () => process.env.POURLINE_API_URL!;

  beforeAll(async () => {
    session = await launchBrowser();
    browser = session.browser;
    crew = await createCrew(await adminSession());
    world = await createLoadWorld(crew.admin, crew);
  });
  afterAll(() => session?.close());

  async function chinesePage(role: 'dispatcher' | 'qc_inspector', view: string): Promise<Page> {
    const { username, password } = await createUser(crew.admin, role);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.addInitScript(() => localStorage.setItem('pourline.locale', 'zh-CN'));
    await page.goto(baseUrl());
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(view).waitFor();
    return page;
  }

  it('names the undelivered reports of the document gate in Chinese, and flags a report uploaded twice', async () => {
    const pour = await createPour(crew.dispatcher, world, {
      scheduledStart: startedToday,
      structuralElement: '闸门楼板',
    });
    await expectCreated(crew.dispatcher.post(`/pours/${pour.id}/status`, { status: 'confirmed' }));
    const page = await chinesePage('dispatcher', 'operator-view');
    await page.getByTestId('nav-pours').click();
    await page.locator(`[data-testid="pour-row"][data-pour-id="${pour.id}"]`).click();
    await page.getByTestId('pour-detail').waitFor();

    await page.getByTestId('status-action-ready').click();
    const refusal = page.getByTestId('action-error');
    await refusal.waitFor();
    const words = await refusal.textContent();
    expect(words).toContain('以下报告尚未交付施工方：');
    expect(words).toContain('石子（粗骨料）报告');
    expect(words).toContain('外加剂报告');
    expect(words).not.toMatch(/[a-z]+_report/);
    await refusal.scrollIntoViewIfNeeded();
    await screenshot(page, 'zh-document-gate-refusal');
    await page.close();

    // The same file as the same report twice: the console says so, and keeps a copy only when asked.
    const qc = await chinesePage('qc_inspector', 'qc-view');
    await qc.getByTestId('nav-pours').click();
    await qc.locator(`[data-testid="pour-row"][data-pour-id="${pour.id}"]`).click();
    await qc.getByTestId('documents').waitFor();
    const upload = async () => {
      await qc.getByTestId('document-type').selectOption('sand_report');
      await qc.getByTestId('document-title').fill('砂检验报告 7 批');
      await qc
        .getByTestId('document-file')
        .setInputFiles({ name: 'sand.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
      await qc.getByTestId('document-upload').click();
    };
    await upload();
    await qc.getByTestId('document-item').filter({ hasText: '砂检验报告 7 批' }).waitFor();
    await upload();
    const duplicate = qc.getByTestId('documents-error');
    await duplicate.waitFor();
    expect(await duplicate.textContent()).toContain('该文件已作为“砂检验报告 7 批”（sand.pdf）上传到此浇筑');
    await qc.getByTestId('document-upload-duplicate').waitFor();
    await duplicate.scrollIntoViewIfNeeded();
    await screenshot(qc, 'zh-duplicate-document');
    const documents = (await crew.admin.get(`/pours/${pour.id}/documents`)).body as { type: string }[];
    expect(documents.filter((document) => document.type === 'sand_report')).toHaveLength(1);
    await qc.close();
  });

  it('states an impossible slump as the field’s bound and a failed test’s reasons with their figures, in Chinese', async () => {
    const pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew), {
      scheduledStart: startedToday,
      structuralElement: '检测楼板',
    });
    const load = await scheduleLoad(crew, pour);
    await advanceLoad(crew, load.id, 'on_site');
    const page = await chinesePage('qc_inspector', 'qc-view');
    const due = page.locator(`[data-testid="qc-due-load"][data-load-id="${load.id}"][data-stage="site"]`);
    await due.waitFor({ timeout: 15_000 });
    await due.click();

    await page.getByTestId('qc-slump').fill('5000');
    const preview = page.locator('.qc-preview--implausible[data-testid="qc-preview"]');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('坍落度：不得大于 300 mm');
    expect(await page.getByTestId('qc-submit').isDisabled()).toBe(true);
    await screenshot(page, 'zh-qc-implausible-slump');

    await page.getByTestId('qc-slump').fill(String(FAILING_SLUMP_MM));
    await page.getByTestId('qc-temperature').fill('38');
    await page.locator('[data-testid="qc-preview"][data-pass="false"]').waitFor();
    await page.getByTestId('qc-submit').click();
    // A test that rejects the load asks once more before it is recorded.
    await page.getByTestId('qc-confirm-reject').click();
    await page.locator('[data-testid="qc-verdict"][data-outcome="rejected"]').waitFor();
    const slump = page.locator('[data-testid="qc-reason"][data-code="slump_out_of_tolerance"]');
    const slumpWords = await slump.textContent();
    expect(slumpWords).toContain('坍落度超出允许偏差');
    expect(slumpWords).toContain(`坍落度 ${FAILING_SLUMP_MM} mm，超出 ${pour.slumpTargetMm} ±`);
    const heat = await page.locator('[data-testid="qc-reason"][data-code="temperature_out_of_range"]').textContent();
    expect(heat).toContain('38 °C，超出');
    expect(await page.getByTestId('qc-verdict').textContent()).not.toMatch(/outside/);
    await page.getByTestId('qc-verdict').scrollIntoViewIfNeeded();
    await screenshot(page, 'zh-qc-verdict-reasons');
    await page.close();
  });

  it('names and links the pour and site of a pump breakdown, and the truck of a rejection, in the alert list', async () => {
    const pour = await createReadyPour(crew, await createLoadWorld(crew.admin, crew), {
      scheduledStart: startedToday,
      structuralElement: '泵车楼板',
    });
    const load = await loadOnSite(crew, pour);
    await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    await expectCreated(
      crew.dispatcher.post(`/pumps/${pour.pumpId}/status`, { status: 'breakdown', note: '液压管爆裂' }),
    );
    const page = await chinesePage('dispatcher', 'operator-view');

    const breakdown = page
      .locator('[data-testid="alert"][data-type="pump_breakdown"]')
      .filter({ hasText: '液压管爆裂' });
    const link = breakdown.getByTestId('alert-pour-link');
    await link.waitFor({ timeout: 15_000 });
    expect(await link.textContent()).toBe(`${pour.projectName} · 泵车楼板`);
    await link.click();
    await page
      .locator(`[data-testid="operator-pour"][data-pour-id="${pour.id}"] .op-pour-main[aria-expanded="true"]`)
      .waitFor();

    const rejection = page
      .locator('[data-testid="alert"][data-type="rejection"]')
      .filter({ hasText: load.ticketNumber });
    const words = await rejection.textContent();
    expect(words).toContain(`坍落度超出允许偏差（坍落度 ${FAILING_SLUMP_MM} mm，超出`);
    await rejection.getByTestId('alert-truck-link').click();
    await page.locator(`[data-testid="truck-details"][data-truck-id="${load.truckId}"]`).waitFor();
    await breakdown.scrollIntoViewIfNeeded();
    await screenshot(page, 'zh-alerts-linked');
    await page.close();
  });
});
