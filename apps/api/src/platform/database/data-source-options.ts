import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [join(__dirname, 'migrations', '*.js')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // The schema only ever changes through reviewed migrations.
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13 and later: no extension to install.
    uuidExtension: 'pgcrypto',
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 20) },
  };
}
