import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApi } from '../support/api-process';
import { localDateInZone } from '@pourline/domain';
import { drawnTruckPositions, launchBrowser, screenshot, waitForDrawnTruck } from '../support/browser';
import { Http } from '../support/http';

/**
 * What a newcomer gets from `npm start`: no DATABASE_URL, so an embedded
 * PostgreSQL under the data folder, migrations applied, demo data loaded;
 * and the data is still there after a restart.
 */
describe('Quick start on the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pourline-quickstart-'));
  // A data folder as `mkdir` makes it: run as root, the embedded PostgreSQL's user must pass through it.
  chmodSync(dataDir, 0o755);
  let pgPort: number;

  beforeAll(async () => {
    pgPort = await freePort();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = () =>
    startApi(
      {
        DATABASE_URL: '',
        DEMO: '',
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
        JWT_SECRET: '',
        // A brisker demo fleet, so trucks take the road within seconds.
        SIM_TIME_SCALE: '60',
      },
      180_000,
    );

  async function demoLogin(baseUrl: string) {
    process.env.POURLINE_API_URL = baseUrl;
    const answer = await new Http().post('/auth/login', { username: 'dispatcher', password: 'pourline' });
    expect(answer.status).toBe(200);
    return new Http(answer.body.accessToken);
  }

  it('serves the demo, and keeps data and sessions across a restart', async () => {
    const savedUrl = process.env.POURLINE_API_URL;
    let api = await start();
    try {
      const health = await fetch(`${api.baseUrl}/api/health`);
      expect(health.status).toBe(200);
      const console = await fetch(`${api.baseUrl}/`);
      expect(await console.text()).toContain('<div id="root">');

      const dispatcher = await demoLogin(api.baseUrl);
      const trucks = await dispatcher.get('/trucks');
      expect(trucks.body.length).toBeGreaterThanOrEqual(20);
      expect((await dispatcher.get('/plants')).body).toHaveLength(2);
      expect((await dispatcher.get('/pumps')).body).toHaveLength(4);
      // Today's demo day; the history of past pours behind it is the strength view's.
      const today = localDateInZone(new Date(), 'Asia/Shanghai');
      const pours = await dispatcher.get(`/pours?day=${today}&pageSize=100`);
      const statuses = new Set(pours.body.items.map((pour: any) => pour.status));
      expect(pours.body.total).toBeGreaterThanOrEqual(6);
      for (const status of ['completed', 'in_progress', 'confirmed', 'draft']) expect(statuses).toContain(status);
      // The demo seeds one ready pour beside two in progress; the fleet may already have started it.
      const started = pours.body.items.filter((pour: any) => pour.status === 'in_progress').length;
      expect(statuses.has('ready') || started >= 3).toBe(true);
      const someId = pours.body.items[0].id;

      // Behind the day, months of strength results: lots judged by each method and the warnings they raise.
      const inspector = await new Http().post('/auth/login', { username: 'qc', password: 'pourline' });
      const qc = new Http(inspector.body.accessToken);
      const lots = (await qc.get('/strength/lots')).body;
      expect(new Set(lots.map((lot: any) => lot.verdict?.method))).toEqual(
        new Set(['statistical_known_sigma', 'statistical_unknown_sigma', 'non_statistical', undefined]),
      );
      expect(lots.some((lot: any) => lot.forecast.headingBelowAcceptance)).toBe(true);
      const warnings = (await qc.get('/strength/warnings')).body;
      expect(new Set(warnings.map((warning: any) => warning.kind))).toEqual(
        new Set(['lot_forecast', 'mix_drift', 'production_control']),
      );

      // The demo fleet moves by itself: its trucks report through the public ingest.
      const deadline = Date.now() + 150_000;
      let first: any[] = [];
      while (Date.now() < deadline && first.length === 0) {
        first = (await dispatcher.get('/tracking/positions')).body.filter((p: any) => p.entityType === 'truck');
        if (first.length === 0) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(first.length).toBeGreaterThan(0);
      let moved = false;
      while (Date.now() < deadline && !moved) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const now = (await dispatcher.get('/tracking/positions')).body;
        moved = first.some((before) => {
          const after = now.find((p: any) => p.entityId === before.entityId);
          return after && (after.lat !== before.lat || after.lng !== before.lng);
        });
      }
      expect(moved).toBe(true);

      // And the dispatch room sees the demo fleet move on its map.
      const browser = await launchBrowser();
      try {
        const page = await browser.browser.newPage({ viewport: { width: 1600, height: 950 } });
        await page.goto(`${api.baseUrl}/?debug=1`);
        await page.getByTestId('login-username').fill('dispatcher');
        await page.getByTestId('login-password').fill('pourline');
        await page.getByTestId('login-submit').click();
        await page.getByTestId('operator-view').waitFor();
        const drawn = () => drawnTruckPositions(page);
        await waitForDrawnTruck(page, undefined, 30_000);
        const before = await drawn();
        let movedOnMap = false;
        for (let tries = 0; tries < 30 && !movedOnMap; tries += 1) {
          await page.waitForTimeout(1000);
          const now = await drawn();
          movedOnMap = Object.entries(before).some(
            ([id, at]) => now[id] && (now[id].lat !== at.lat || now[id].lng !== at.lng),
          );
        }
        expect(movedOnMap).toBe(true);
        await screenshot(page, 'demo-operator-map');
      } finally {
        await browser.close();
      }
      await dispatcher.patch(`/pours/${pours.body.items.find((pour: any) => pour.status === 'draft').id}`, {
        notes: 'kept across restarts',
      });

      await api.stop();
      api = await start();
      const again = new Http(dispatcher.token);
      process.env.POURLINE_API_URL = api.baseUrl;
      const after = await again.get(`/pours?day=${today}&pageSize=100`);
      expect(after.status).toBe(200);
      expect(after.body.total).toBe(pours.body.total);
      expect(after.body.items.some((pour: any) => pour.notes === 'kept across restarts')).toBe(true);
      expect((await again.get(`/pours/${someId}`)).status).toBe(200);
    } finally {
      await api.stop();
      process.env.POURLINE_API_URL = savedUrl;
    }
  }, 400_000);
});
