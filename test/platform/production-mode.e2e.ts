import { spawn } from 'node:child_process';
import { API_MAIN, REPO_ROOT, type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { createPlant, unique } from '../support/factories';
import { Http, login } from '../support/http';
import { createTrackedTruck, ingest } from '../support/live-support';

const ADMIN_PASSWORD = 'production-admin-password';
const PARTNER = 'https://partner.example.com';
const TILES = 'https://{s}.tiles.example.net/{z}/{x}/{y}.png';

/** Runs the built API with these settings until it exits by itself. */
function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [API_MAIN], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('An API run with NODE_ENV=production', () => {
  let database: string;
  let api: RunningApi;
  let anonymous: Http;

  beforeAll(async () => {
    database = await createDatabase('pourline_production');
    api = await startApi({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl(database),
      JWT_SECRET: 'production-secret-that-is-long-enough-for-hs256',
      ADMIN_PASSWORD,
      REDIS_URL: '',
      ALLOWED_ORIGINS: PARTNER,
      MAP_TILE_URL: TILES,
      LOGIN_FAILURES_PER_ADDRESS: '4',
    });
    anonymous = new Http(undefined, api.baseUrl);
  });

  afterAll(async () => {
    await api?.stop();
    if (database) await dropDatabase(database);
  });

  it('refuses DEMO=true with one clear sentence and exits', async () => {
    const { code, stderr } = await runUntilExit({ NODE_ENV: 'production', DEMO: 'true', JWT_SECRET: 'x'.repeat(40) });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'DEMO=true is refused with NODE_ENV=production: the demo accounts share a published password.',
    );
  });

  it('does not serve the OpenAPI page or document', async () => {
    expect((await anonymous.get('/docs-json')).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/api/docs`)).status).toBe(404);
  });

  it('sends security headers, with the tile server allowed for images', async () => {
    const page = await fetch(`${api.baseUrl}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/img-src [^;]*https:\/\/\*\.tiles\.example\.net/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-powered-by')).toBeNull();
  });

  it('answers CORS for an allowed origin and refuses a page from any other', async () => {
    const preflight = await fetch(`${api.baseUrl}/api/auth/me`, {
      method: 'OPTIONS',
      headers: { origin: PARTNER, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PARTNER);
    const foreign = await anonymous.request('GET', '/config', undefined, { origin: 'https://evil.example.org' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('origin_not_allowed');
    const own = await anonymous.request('GET', '/config', undefined, { origin: api.baseUrl });
    expect(own.status).toBe(200);
  });

  it('refuses positions from a tracker registered without a secret', async () => {
    const admin = await login('admin', ADMIN_PASSWORD, api.baseUrl);
    const plant = await createPlant(admin);
    const truck = await createTrackedTruck(admin, plant.id);
    const fields = { id: truck.deviceId, lat: '31.9', lon: '118.8', timestamp: String(Date.now()) };
    let refused = await ingest.osmandGet(fields, api.baseUrl);
    // The registry may not know the new tracker for up to a second.
    for (let tries = 0; refused.status === 404 && tries < 20; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      refused = await ingest.osmandGet(fields, api.baseUrl);
    }
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('device_secret_required');
  });

  it('stops sign-in attempts from one address after too many failures, saying when to retry', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const wrong = await anonymous.post('/auth/login', { username: unique('nobody'), password: 'not-it' });
      expect(wrong.status).toBe(401);
    }
    const blocked = await anonymous.post('/auth/session', { username: 'admin', password: ADMIN_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_sign_ins');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
