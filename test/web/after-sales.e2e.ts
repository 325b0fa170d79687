import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import type { ComplaintDto, ProductionDayDto } from '@pourline/contracts';
import { launchBrowser, screenshot, signIn, type BrowserSession } from '../support/browser';
import { adminSession, createUser, expectCreated } from '../support/factories';
import type { Http } from '../support/http';
import {
  FAILING_SLUMP_MM,
  createCrew,
  createLoadWorld,
  createReadyPour,
  loadAt,
  loadOnSite,
  plantDay,
  recordQcTest,
  type LoadCrew,
} from '../support/load-factories';

/**
 * After-sales in a real browser: the worklist it lands on, a complaint worked
 * through every state from its own screen, the pour's evidence page, and the
 * reports with a CSV that says what the API says.
 */
describe('After-sales view', () => {
  let session: BrowserSession;
  let browser: Browser;
  let crew: LoadCrew;
  let afterSales: { username: string; password: string; session: Http };
  let pour: { id: string; plantId: string };
  let complaint: ComplaintDto;
  let rejectedTicket: string;
  const baseUrl = () => process.env.POURLINE_API_URL!;

  beforeAll(async () => {
    session = await launchBrowser();
    browser = session.browser;
    crew = await createCrew(await adminSession());
    const world = await createLoadWorld(crew.admin, crew);
    pour = await createReadyPour(crew, world, { structuralElement: '7F slab, axis B–E' });
    await loadAt(crew, pour, 'discharged');
    const onSite = await loadOnSite(crew, pour);
    await recordQcTest(crew.qc, onSite.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    rejectedTicket = onSite.ticketNumber;
    afterSales = await createUser(crew.admin, 'after_sales');
    complaint = await expectCreated(
      afterSales.session.post('/complaints', {
        category: 'quality',
        pourId: pour.id,
        title: 'Cracks along the slab edge',
        description: 'Fine cracks along axis E the morning after the pour.',
      }),
    );
  });
  afterAll(() => session?.close());

  async function takeStep(page: Page, to: string, note: string) {
    await page.getByTestId('complaint-step-note').fill(note);
    const submit = page.getByTestId('complaint-step-submit');
    await submit.and(page.locator(`[data-to="${to}"]`)).click();
    await page
      .locator(`[data-testid="complaint-detail"] [data-testid="complaint-state"][data-state="${to}"]`)
      .waitFor();
  }

  it('lands after-sales on its complaints and works one through every state', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), afterSales.username, afterSales.password);
    await page.getByTestId('aftersales-view').waitFor();
    const row = page.getByTestId('complaint-row').filter({ hasText: complaint.number });
    await row.waitFor();
    await screenshot(page, 'after-sales-worklist');
    await row.click();
    await page.getByTestId('complaint-detail').waitFor();

    await takeStep(page, 'acknowledged', 'Called the site; visit at nine');
    await takeStep(page, 'investigating', 'Curing log and the tests pulled');
    await page.getByTestId('action-description').fill('Seal the cracks with epoxy');
    await page.getByTestId('action-owner').fill('Site service team');
    await page.getByTestId('action-due').fill('2026-12-05');
    await page.getByTestId('action-add').click();
    await page.getByTestId('corrective-action').waitFor();
    await takeStep(page, 'rectification', 'Repair agreed with the customer');
    // Verifying before the action is done is refused, in words, and changes nothing.
    await page.getByTestId('complaint-step-note').fill('Looks done');
    await page.getByTestId('complaint-step-submit').click();
    await page.getByTestId('complaint-step-error').waitFor();
    await page.getByTestId('action-done-note').fill('Sealed on bays 2–4');
    await page.getByTestId('action-done').click();
    await page.locator('[data-testid="corrective-action"][data-done="true"]').waitFor();
    await takeStep(page, 'verified', 'Checked with the supervisor');
    await page.getByTestId('follow-up-date').fill('2026-12-06');
    await page.locator('[data-testid="follow-up-satisfaction"] input[value="5"]').check();
    await page.getByTestId('follow-up-note').fill('Visited the site manager');
    await page.getByTestId('follow-up-comment').fill('Well handled');
    await page.getByTestId('follow-up-submit').click();
    await page.getByTestId('follow-up').waitFor();
    await takeStep(page, 'closed', 'Customer satisfied');
    expect(await page.locator('[data-testid="complaint-steps"] li').count()).toBe(6);
    await expect(page.getByTestId('complaint-step-form').count()).resolves.toBe(0);

    const stored: ComplaintDto = (await afterSales.session.get(`/complaints/${complaint.id}`)).body;
    expect(stored.steps.map((step) => step.state)).toEqual([
      'received',
      'acknowledged',
      'investigating',
      'rectification',
      'verified',
      'closed',
    ]);
    expect(stored.followUp).toMatchObject({ satisfaction: 5, satisfactionComment: 'Well handled' });
    await page.close();
  });

  it('shows the pour’s loads, tests, rejection, non-conformance and figures on its evidence page', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), afterSales.username, afterSales.password);
    await page.goto(`${baseUrl()}/#/complaints/${complaint.id}`);
    await page.getByTestId('complaint-evidence').click();
    await page.getByTestId('evidence-load').nth(1).waitFor();
    await expect(page.getByTestId('evidence-load').count()).resolves.toBe(2);
    const rejected = page.locator(`[data-testid="evidence-load"][data-ticket="${rejectedTicket}"]`);
    await expect(rejected.locator('.evidence-test--fail').count()).resolves.toBeGreaterThan(0);
    await page.getByTestId('evidence-ncs').getByText(rejectedTicket).waitFor();
    await expect(
      page.locator('[data-testid="pour-figures"] [data-figure="loads"] .figure-value').textContent(),
    ).resolves.toBe('2');
    await page.getByText('Cracks along the slab edge').waitFor();
    await page.close();
  });

  it('draws the reports and exports a CSV that matches the API', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    await signIn(page, baseUrl(), afterSales.username, afterSales.password);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-view').waitFor();
    await page.getByTestId('report-plant').selectOption(pour.plantId);
    const table = page.getByTestId('report-production-table');
    await table.locator('tbody tr').first().waitFor();
    await page.locator('[data-testid="report-production"] .recharts-surface').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-production-csv').click(),
    ]);
    const rows: Record<string, string>[] = parse(readFileSync((await download.path())!, 'utf8'), { columns: true });
    const from = await page.getByTestId('report-from').inputValue();
    const to = await page.getByTestId('report-to').inputValue();
    const days: ProductionDayDto[] = (
      await afterSales.session.get(`/reports/production?from=${from}&to=${to}&plantId=${pour.plantId}`)
    ).body;
    expect(rows.map((row) => [row.day, Number(row.delivered_m3), Number(row.rejected_m3)])).toEqual(
      days.map((day) => [day.day, day.deliveredM3, day.rejectedM3]),
    );
    const today = plantDay('Asia/Shanghai').replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
    expect(days.find((day) => day.day === today)).toMatchObject({ loads: 2, deliveredM3: 10, rejectedM3: 10 });
    await page.close();
  });

  it('speaks Chinese on the worklist', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    await page.addInitScript(() => localStorage.setItem('pourline.locale', 'zh-CN'));
    await signIn(page, baseUrl(), afterSales.username, afterSales.password);
    await page.getByRole('heading', { name: '投诉与建议' }).waitFor();
    await page.getByTestId('complaint-filter-all').click();
    await page.locator('[data-testid="complaint-state"][data-state="closed"]', { hasText: '已关闭' }).first().waitFor();
    await page.close();
  });
});
