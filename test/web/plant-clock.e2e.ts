import { localDateInZone } from '@pourline/domain';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, type BrowserSession } from '../support/browser';
import { adminSession, createPour, createUser, createWorld } from '../support/factories';
import { PLANT_TIME_ZONE } from '../support/test-constants';

/**
 * A zone whose calendar day differs from the plants' right now: Pago Pago (UTC−11) until 19:00 on
 * the plants' clock, Kiritimati (UTC+14) after it.
 */
function zoneOnAnotherDay(now: Date): string {
  const plantDay = localDateInZone(now, PLANT_TIME_ZONE);
  return localDateInZone(now, 'Pacific/Pago_Pago') !== plantDay ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
}

describe("The console keeps the plants' clock, whatever the browser's zone", () => {
  let session: BrowserSession;
  let baseUrl: string;
  let dispatcher: { username: string; password: string };
  const plantToday = localDateInZone(new Date(), PLANT_TIME_ZONE);

  beforeAll(async () => {
    baseUrl = process.env.POURLINE_API_URL!;
    session = await launchBrowser();
    const admin = await adminSession();
    dispatcher = await createUser(admin, 'dispatcher');
    const world = await createWorld(admin);
    await createPour(admin, world, {
      scheduledStart: `${plantToday}T04:00:00.000Z`,
      structuralElement: 'Plant-clock slab',
    });
  });

  afterAll(() => session?.close());

  async function boardIn(timezoneId: string): Promise<Page> {
    const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 }, timezoneId });
    await signIn(page, baseUrl, dispatcher.username, dispatcher.password);
    await page.getByTestId('nav-pours').click();
    await page.getByTestId('board-day').waitFor();
    return page;
  }

  it("shows the plants' today on the board and says which clock the times are on", async () => {
    const elsewhere = zoneOnAnotherDay(new Date());
    expect(localDateInZone(new Date(), elsewhere)).not.toBe(plantToday);
    const page = await boardIn(elsewhere);
    expect(await page.getByTestId('board-day').inputValue()).toBe(plantToday);
    await page.getByText('Plant-clock slab').first().waitFor();
    await expect(page.getByTestId('plant-clock-note').getAttribute('aria-label')).resolves.toBe(
      'Times on plant clock (GMT+8)',
    );
    await expect(page.getByTestId('plant-clock-note').textContent()).resolves.toBe('Plant clock GMT+8');
    await screenshot(page, 'plant-clock-elsewhere');
    await page.close();
  });

  it('says nothing about the clock when the browser is on the plants’ own', async () => {
    const page = await boardIn(PLANT_TIME_ZONE);
    expect(await page.getByTestId('board-day').inputValue()).toBe(plantToday);
    expect(await page.getByTestId('plant-clock-note').count()).toBe(0);
    await page.close();
  });
});
