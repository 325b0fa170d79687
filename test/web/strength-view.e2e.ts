import type { Browser } from 'playwright-core';
import type { InspectionLotDto } from '@pourline/contracts';
import { launchBrowser, screenshot, signIn, type BrowserSession } from '../support/browser';
import { adminSession, createUser, type PourWorld } from '../support/factories';
import { createCrew, createLoadWorld, type LoadCrew } from '../support/load-factories';
import { makeSets, pourBeingPlaced, recordValue } from '../support/strength-factories';

/** Twelve C30 sets: m = 33.6, S = 3.29; λ1 = 1.15 asks 33.7835 of the mean, so the lot is not accepted. */
const TWELVE_VALUES = [27.2, 29.5, 30.9, 32.1, 32.7, 33.6, 34.3, 35.0, 35.8, 36.7, 37.5, 37.9];
/** Foretold at 1.4 × 7 days: 36.4 … 30.8, a mean of 34.0 against the 34.5 the non-statistical method asks. */
const FALLING_7_DAY = [26, 25.5, 25, 24, 23, 22];

/** The QC inspector's strength view in a real browser: lots, production control and the warning. */
describe('Strength view', () => {
  let session: BrowserSession;
  let browser: Browser;
  let crew: LoadCrew;
  let world: PourWorld;
  let raft: { pour: { id: string } };
  let inspector: { username: string; password: string };
  let afterSales: { username: string; password: string };
  const baseUrl = () => process.env.POURLINE_API_URL!;

  beforeAll(async () => {
    session = await launchBrowser();
    browser = session.browser;
    crew = await createCrew(await adminSession());
    world = await createLoadWorld(crew.admin, crew);
    // The plant's own 7/28-day pairs of the mix: ratio 1.40.
    const earlier = await pourBeingPlaced(crew, world, { structuralElement: 'Earlier slabs' });
    for (const [index, set] of (await makeSets(crew.qc, earlier, 10)).entries()) {
      await recordValue(crew.qc, set.id, 7, 25);
      await recordValue(crew.qc, set.id, 28, index % 2 === 0 ? 34.5 : 35.5);
    }
    raft = await pourBeingPlaced(crew, world, { structuralElement: 'B1 raft' });
    const sets = await makeSets(crew.qc, raft as never, TWELVE_VALUES.length);
    for (const [index, set] of sets.entries()) await recordValue(crew.qc, set.id, 28, TWELVE_VALUES[index]);
    const slab = await pourBeingPlaced(crew, world, { structuralElement: '5F slab' });
    const slabSets = await makeSets(crew.qc, slab, FALLING_7_DAY.length);
    await crew.qc.post('/strength/lots', { name: '5F slab', pourIds: [slab.pour.id] });
    for (const [index, set] of slabSets.entries()) await recordValue(crew.qc, set.id, 7, FALLING_7_DAY[index]);
    await pourBeingPlaced(crew, world, { structuralElement: 'B1 walls' });
    inspector = await createUser(crew.admin, 'qc_inspector');
    afterSales = await createUser(crew.admin, 'after_sales');
  });
  afterAll(() => session?.close());

  it('lets a QC inspector define a lot, and shows its verdict, the month’s production control and the alert', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), inspector.username, inspector.password);
    await page.getByTestId('qc-view').waitFor();
    // The QC inspector's home tells of recent warnings and leads to the strength view.
    await page.locator('[data-testid="qc-strength-warnings"] [data-kind="lot_forecast"]').first().waitFor();
    await page.getByTestId('qc-open-strength').click();
    await page.getByTestId('strength-view').waitFor();
    await page.getByTestId('strength-plant').selectOption(world.plant.id);

    // The 5F slab, foretold from its 7-day results, is heading below acceptance weeks ahead.
    const alert = page.locator('[data-testid="strength-warning"][data-kind="lot_forecast"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/5F slab.*projected mean 34 MPa against 34\.5 MPa.*× 1\.4 \(10 pairs\)/);
    const slabLot = page.locator('[data-testid="strength-lot"]', { hasText: '5F slab' });
    expect(await slabLot.getByTestId('strength-forecast').getAttribute('data-heading-below')).toBe('true');
    // This month: 10 + 12 = 22 sets with 28-day results, shown but not yet judged (30 needed).
    const month = page.locator('[data-testid="strength-control-row"][data-grade="C30"]');
    await month.waitFor();
    expect(await month.getAttribute('data-status')).toBe('too_few_sets');
    expect(await month.locator('td').nth(2).textContent()).toBe('22');
    await page.getByTestId('strength-control-chart').waitFor();
    await page.locator(`[data-testid="strength-trend"][data-mix-id="${world.mix.id}"]`).waitFor();

    await page.getByTestId('strength-new-lot').click();
    await page.getByTestId('strength-lot-name').fill('B1 raft');
    await page.getByTestId('strength-lot-project').selectOption(world.project.id);
    await page.locator(`[data-testid="strength-lot-pour"][data-pour-id="${raft.pour.id}"]`).check();
    await page.getByTestId('strength-lot-submit').click();

    const lot = page.locator('[data-testid="strength-lot"]', { hasText: 'B1 raft' });
    await lot.waitFor();
    expect(await lot.getAttribute('data-state')).toBe('rejected');
    expect(await lot.getAttribute('data-method')).toBe('statistical_unknown_sigma');
    expect(await lot.getByTestId('strength-lambdas').textContent()).toMatch(/λ1 = 1\.15, λ2 = 0\.9 for 12 sets/);
    expect(await lot.getByTestId('strength-verdict').textContent()).toMatch(/Mean 33\.6 MPa \(needs ≥ 33\.7835\)/);
    const lots = await crew.qc.get<InspectionLotDto[]>(`/strength/lots?projectId=${world.project.id}`);
    expect(lots.body.map((entry) => entry.name).sort()).toEqual(['5F slab', 'B1 raft']);
    await screenshot(page, 'strength-view');

    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByText('检验批（GB/T 50107）').waitFor();
    expect(await lot.getByTestId('strength-lot-state').textContent()).toBe('不合格');
    expect(await page.getByTestId('strength-control').textContent()).toContain('生产质量控制');
    expect(await alert.textContent()).toContain('趋向不合格');
    await screenshot(page, 'strength-view-zh');
    await page.close();
  });

  it('shows after-sales the lots read only', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, baseUrl(), afterSales.username, afterSales.password);
    await page.getByTestId('nav-strength').click();
    await page.getByTestId('strength-plant').selectOption(world.plant.id);
    await page.locator('[data-testid="strength-lot"]', { hasText: 'B1 raft' }).waitFor();
    expect(await page.getByTestId('strength-new-lot').count()).toBe(0);
    await page.close();
  });
});
