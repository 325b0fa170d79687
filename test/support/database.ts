import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './api-process';
import { ControlledPostgres } from './embedded-postgres';

/** Where a PostgreSQL is looked for when PG_ADMIN_URL names none. */
export function defaultPgAdminUrl(): string {
  return `postgres://postgres@127.0.0.1:${process.env.PG_DEFAULT_PORT || '5432'}/postgres`;
}

/** A server where tests may create and drop their own databases. */
export function pgAdminUrl(): string {
  return process.env.PG_ADMIN_URL || defaultPgAdminUrl();
}

export function databaseUrl(name: string): string {
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Whether a PostgreSQL answers at this URL. */
export async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestPostgres {
  url: string;
  /** Set when this run started its own server; stops it and removes its data. */
  stop?: () => Promise<void>;
}

/**
 * The PostgreSQL the tests use: PG_ADMIN_URL if set; else the one on the default port; else,
 * on a machine with none, an embedded one started here with its data in a temporary folder.
 */
export async function ensureTestPostgres(log: (line: string) => void = () => undefined): Promise<TestPostgres> {
  if (process.env.PG_ADMIN_URL) return { url: process.env.PG_ADMIN_URL };
  const url = defaultPgAdminUrl();
  if (await answers(url)) return { url };
  const dataDir = mkdtempSync(join(tmpdir(), 'pourline-test-pg-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  log(`no PostgreSQL answers at ${new URL(url).host}: starting an embedded one on port ${port}`);
  const server = new ControlledPostgres(join(dataDir, 'postgres'), port, 'pourline_tests');
  try {
    await server.start();
  } catch (error) {
    await server.exit();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const embeddedUrl = `postgres://pourline:pourline@127.0.0.1:${port}/postgres`;
  // Test workers and every helper read it from here.
  process.env.PG_ADMIN_URL = embeddedUrl;
  return {
    url: embeddedUrl,
    stop: async () => {
      await server.exit();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
