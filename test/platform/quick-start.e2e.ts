import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApi } from '../support/api-process';
import { Http } from '../support/http';

/**
 * What a newcomer gets from `npm start`: no DATABASE_URL, so an embedded
 * PostgreSQL under the data folder, migrations applied, demo data loaded;
 * and the data is still there after a restart.
 */
describe('Quick start on the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pourline-quickstart-'));
  let pgPort: number;

  beforeAll(async () => {
    pgPort = await freePort();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = () =>
    startApi(
      { DATABASE_URL: '', DEMO: '', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), JWT_SECRET: '' },
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
      const pours = await dispatcher.get('/pours?pageSize=100');
      const statuses = new Set(pours.body.items.map((pour: any) => pour.status));
      expect(pours.body.total).toBeGreaterThanOrEqual(6);
      for (const status of ['completed', 'in_progress', 'ready', 'confirmed', 'draft'])
        expect(statuses).toContain(status);
      const someId = pours.body.items[0].id;
      await dispatcher.patch(`/pours/${pours.body.items.find((pour: any) => pour.status === 'draft').id}`, {
        notes: 'kept across restarts',
      });

      await api.stop();
      api = await start();
      const again = new Http(dispatcher.token);
      process.env.POURLINE_API_URL = api.baseUrl;
      const after = await again.get('/pours?pageSize=100');
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
