import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { AfterCommitSubscriber } from './after-commit';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** A statement that runs longer is cut off, so a stalled database answers 503 instead of hanging requests. */
const STATEMENT_TIMEOUT_MS = 30_000;

export function dataSourceOptions(url: string, statementTimeoutMs = STATEMENT_TIMEOUT_MS): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    subscribers: [AfterCommitSubscriber],
    migrations: [join(__dirname, 'migrations', '*.js')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // The schema only ever changes through reviewed migrations.
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13 and later: no extension to install.
    uuidExtension: 'pgcrypto',
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 20), statement_timeout: statementTimeoutMs },
  };
}
