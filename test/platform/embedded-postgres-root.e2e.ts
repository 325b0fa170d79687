import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_MAIN, freePort, REPO_ROOT } from '../support/api-process';

const asRoot = process.getuid?.() === 0;

/** Run as root, PostgreSQL runs as user postgres; the folders above its data are never opened for it. */
(asRoot ? describe : describe.skip)('The embedded PostgreSQL, started as root', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'pourline-closed-'));
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses a data folder behind a closed one in one sentence and leaves that folder closed', async () => {
    const closed = join(scratch, 'closed');
    mkdirSync(closed);
    chmodSync(closed, 0o700);
    const dataDir = join(closed, 'data');
    const child = spawn(process.execPath, [API_MAIN], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        DEMO: 'false',
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Run as root, the embedded PostgreSQL runs as user postgres, which cannot pass through ${closed} to reach ${join(dataDir, 'postgres')}: put DATA_DIR (and the installation) under a folder other users may enter, such as /srv or /opt, or set DATABASE_URL.`,
    );
    expect(statSync(closed).mode & 0o777).toBe(0o700);
  });
});
