import type { PourDispatchDto, PourLogDto } from '@pourline/contracts';
import { instantToWallClock, localDateInZone, wallClockToInstant } from '@pourline/domain';
import type { Page } from 'playwright-core';
import { type BrowserSession, launchBrowser, screenshot } from '../support/browser';
import { adminSession, createUser } from '../support/factories';
import {
  createCrew,
  createLoadWorld,
  createPlantWith,
  createReadyPour,
  createTruck,
  type LoadCrew,
  pourLoads,
} from '../support/load-factories';

/**
 * Within the hour, so its first truck's loading time is close, and still today on the plant's
 * clock, where the dispatch room lists it: after 22:58 the pour starts at 23:58 (or now).
 */
function withinTheHourToday(now: Date, timeZone: string): string {
  const lastMinutes = Date.parse(wallClockToInstant(`${localDateInZone(now, timeZone)}T23:58`, timeZone)!);
  const inAnHour = now.getTime() + 60 * 60_000;
  return new Date(Math.min(inAnHour, Math.max(lastMinutes, now.getTime()))).toISOString();
}

/** The dispatch room follows the planner: proposals, one-click acceptance, the plant's Gantt, the auto switch. */
describe('The dispatch plan in the browser', () => {
  let session: BrowserSession;
  let crew: LoadCrew;
  let page: Page;
  let pourId: string;
  let plantCode: string;
  let plantId: string;
  let plantTimeZone: string;
  let otherPlant: { id: string; code: string };

  beforeAll(async () => {
    session = await launchBrowser();
    crew = await createCrew(await adminSession());
    const world = await createLoadWorld(crew.admin, crew);
    plantCode = world.plant.code;
    plantId = world.plant.id;
    plantTimeZone = world.plant.timeZone;
    otherPlant = await createPlantWith(crew.admin);
    for (let i = 0; i < 4; i++) await createTruck(crew.admin, world.plant.id, 10);
    const pour = await createReadyPour(crew, world, {
      scheduledStart: withinTheHourToday(new Date(), world.plant.timeZone),
      structuralElement: 'Planned slab',
      volumeM3: 40,
      pourRateM3PerHour: 40,
      truckCount: 4,
    });
    pourId = pour.id;
    const { username, password } = await createUser(crew.admin, 'dispatcher');
    page = await session.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(process.env.POURLINE_API_URL!);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('operator-view').waitFor();
  });
  afterAll(() => session?.close());

  const plan = () => page.getByTestId('dispatch-plan');

  it('shows the pour’s rhythm and the proposed loads with their trucks and loading times', async () => {
    await page.locator(`[data-testid="operator-pour"][data-pour-id="${pourId}"] .op-pour-main`).click();
    await plan().waitFor();
    await expect(page.getByTestId('plan-interval').innerText()).resolves.toContain('15');
    await expect(page.getByTestId('plan-travel').innerText()).resolves.toMatch(/route length/);
    await page.getByTestId('plan-proposal').first().waitFor();
    expect(await page.getByTestId('plan-proposal').count()).toBe(4);
    expect(await page.getByTestId('plan-proposal').first().innerText()).toMatch(
      new RegExp(`^T\\S+ loads at \\d\\d:\\d\\d at ${plantCode}`),
    );
  });

  it('accepts a proposal with one action: the load is created with its truck', async () => {
    const proposal = page.getByTestId('plan-proposal').first();
    const key = await proposal.getAttribute('data-key');
    await proposal.getByTestId('plan-accept').click();
    await page.locator(`[data-testid="plan-proposal"][data-key="${key}"]`).waitFor({ state: 'detached' });
    await page.getByTestId('plan-decisions').waitFor();
    const { loads } = await pourLoads(crew.dispatcher, pourId);
    expect(loads).toHaveLength(1);
    expect(loads[0].truckId).not.toBeNull();
    expect(loads[0].plantId).toBe(plantId);
    const { body } = await crew.dispatcher.get<PourDispatchDto>(`/pours/${pourId}/dispatch`);
    expect(body.decisions[0]).toMatchObject({ kind: 'accepted', loadId: loads[0].id });
  });

  it('shows the bunching limit in effect, the setting until the pour has its own', async () => {
    await expect(page.getByTestId('plan-bunching').innerText()).resolves.toMatch(/more than 2 trucks waiting/);
  });

  it('orders a proposal as changed: another plant, a later loading time, kept with the reason', async () => {
    const proposal = page.getByTestId('plan-proposal').first();
    const key = await proposal.getAttribute('data-key');
    await proposal.getByTestId('plan-change').click();
    const form = proposal.getByTestId('plan-override-form');
    const loadAt = form.getByTestId('plan-override-load-at');
    const proposedLocal = await loadAt.inputValue();
    const [day, time] = proposedLocal.split('T');
    const [hours, minutes] = time.split(':').map(Number);
    const later = hours * 60 + minutes + 10;
    // Ten minutes later on the plant's clock (a proposal within the hour stays on its day but near midnight).
    const laterLocal =
      later < 24 * 60
        ? `${day}T${String(Math.floor(later / 60)).padStart(2, '0')}:${String(later % 60).padStart(2, '0')}`
        : proposedLocal;
    await loadAt.fill(laterLocal);
    await form.getByTestId('plan-override-plant').selectOption(otherPlant.id);
    await form.getByTestId('plan-override-reason').fill('Our mixer is being cleaned: the other plant loads it');
    await form.getByTestId('plan-override-submit').click();
    await page.locator(`[data-testid="plan-proposal"][data-key="${key}"]`).waitFor({ state: 'detached' });
    const { loads } = await pourLoads(crew.dispatcher, pourId);
    const moved = loads.find((load) => load.plantId === otherPlant.id);
    expect(moved?.ticketNumber.startsWith(`${otherPlant.code}-`)).toBe(true);
    const { body } = await crew.dispatcher.get<PourDispatchDto>(`/pours/${pourId}/dispatch`);
    expect(body.decisions[0]).toMatchObject({
      kind: 'overridden',
      loadId: moved!.id,
      chosen: { plantCode: otherPlant.code },
      reason: 'Our mixer is being cleaned: the other plant loads it',
    });
    // Typed to the minute on the plant's clock.
    expect(instantToWallClock(body.decisions[0].chosen.loadAt, plantTimeZone)).toBe(laterLocal);
    await page.locator('[data-testid="plan-decisions"] li[data-kind="overridden"]').first().waitFor();
    expect(
      await page.locator('[data-testid="plan-decisions"] li[data-kind="overridden"]').first().innerText(),
    ).toContain(`${plantCode} → ${otherPlant.code}`);
  });

  it('draws the plant’s loading timeline with the ticket and the proposals', async () => {
    const gantt = page.getByTestId('plant-timeline');
    await gantt.scrollIntoViewIfNeeded();
    const chooser = page.getByTestId('plant-timeline-plant');
    if (await chooser.count()) await chooser.selectOption(plantId);
    await page.locator('[data-testid="gantt-bar"][data-kind="load"]').first().waitFor();
    expect(await page.locator('[data-testid="gantt-bar"][data-kind="proposal"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'dispatch-plan-gantt');
  });

  it('switches the pour to auto: proposals are no longer offered by hand and the log says so', async () => {
    await plan().scrollIntoViewIfNeeded();
    await page.getByTestId('plan-auto').click();
    await page.locator('[data-testid="dispatch-plan"][data-auto="true"]').waitFor();
    expect(await page.getByTestId('plan-accept').count()).toBe(0);
    const { body } = await crew.dispatcher.get<PourDispatchDto>(`/pours/${pourId}/dispatch`);
    expect(body.auto).toBe(true);
    const log = await crew.dispatcher.get<PourLogDto>(`/pours/${pourId}/log`);
    expect(log.body.items.map((entry) => entry.code)).toContain('dispatch.auto_on');
    await screenshot(page, 'dispatch-plan-auto');
  });
});
