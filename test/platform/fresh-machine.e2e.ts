import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO_ROOT, startApi } from '../support/api-process';
import { findChromium, NO_CHROMIUM_MESSAGE, SYSTEM_CHROMIUM } from '../support/browser';
import { answers, createDatabase, databaseUrl, dropDatabase } from '../support/database';

/** What a newcomer's machine may lack, and how `npm test` and `npm start` cope with it. */
describe('A fresh machine', () => {
  it('runs an end-to-end suite on an embedded PostgreSQL when none answers, and leaves none behind', async () => {
    const closedPort = await freePort();
    const env: Record<string, string | undefined> = { ...process.env, PG_DEFAULT_PORT: String(closedPort) };
    delete env.PG_ADMIN_URL;
    delete env.POURLINE_API_URL;
    delete env.POURLINE_E2E_DATABASE;
    const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('pourline-test-pg-')));
    const run = spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/jest/bin/jest.js'),
        '--selectProjects',
        'e2e',
        '--maxWorkers=1',
        'test/auth/authentication.e2e.ts',
      ],
      { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
    if (code !== 0) throw new Error(`the suite failed on the embedded PostgreSQL:\n${output}`);
    expect(output).toContain(`no PostgreSQL answers at 127.0.0.1:${closedPort}: starting an embedded one`);
    const port = Number(/starting an embedded one on port (\d+)/.exec(output)?.[1]);
    expect(await answers(`postgres://pourline:pourline@127.0.0.1:${port}/postgres`)).toBe(false);
    const after = readdirSync(tmpdir()).filter((name) => name.startsWith('pourline-test-pg-') && !before.has(name));
    expect(after).toEqual([]);
  }, 300_000);

  it('serves the console when the checkout sits under a hidden folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pourline-hidden-'));
    const checkout = join(root, '.cache', 'pourline');
    const database = await createDatabase('pourline_hidden');
    try {
      for (const built of ['apps/api/dist', 'apps/web/dist']) {
        mkdirSync(join(checkout, built), { recursive: true });
        cpSync(join(REPO_ROOT, built), join(checkout, built), { recursive: true });
      }
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(checkout, 'node_modules'));
      if (existsSync(join(REPO_ROOT, 'apps/api/node_modules'))) {
        symlinkSync(join(REPO_ROOT, 'apps/api/node_modules'), join(checkout, 'apps/api/node_modules'));
      }
      const api = await startApi(
        {
          DATABASE_URL: databaseUrl(database),
          DEMO: 'false',
          ADMIN_PASSWORD: 'hidden-folder-admin',
          JWT_SECRET: 'hidden-folder-secret-long-enough-for-hs256',
          REDIS_URL: '',
          DATA_DIR: join(root, 'data'),
        },
        120_000,
        join(checkout, 'apps/api/dist/main.js'),
      );
      try {
        const page = await fetch(`${api.baseUrl}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        expect((await fetch(`${api.baseUrl}/pours/today`)).status).toBe(200);
      } finally {
        await api.stop();
      }
    } finally {
      await dropDatabase(database);
      rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);

  describe('the browser for browser tests', () => {
    const none = () => false;
    const only =
      (...paths: string[]) =>
      (path: string) =>
        paths.includes(path);

    it('takes CHROMIUM_PATH first', () => {
      expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, only('/opt/chrome', SYSTEM_CHROMIUM))).toBe('/opt/chrome');
    });

    it('takes the system’s Chromium next, then the one Playwright downloaded', () => {
      expect(findChromium({}, only(SYSTEM_CHROMIUM, '/pw/chrome'), () => '/pw/chrome')).toBe(SYSTEM_CHROMIUM);
      expect(findChromium({}, only('/pw/chrome'), () => '/pw/chrome')).toBe('/pw/chrome');
    });

    it('says in one sentence how to get one when there is none', () => {
      expect(() => findChromium({}, none, () => '/pw/chrome')).toThrow(NO_CHROMIUM_MESSAGE);
      expect(NO_CHROMIUM_MESSAGE.split('. ')).toHaveLength(1);
    });

    it('finds one on this machine', () => {
      expect(existsSync(findChromium())).toBe(true);
    });
  });
});
