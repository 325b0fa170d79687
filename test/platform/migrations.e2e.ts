import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';

const checkMigrations = (database: string) =>
  spawnSync(process.execPath, [join(REPO_ROOT, 'apps/api/dist/platform/database/check-migrations.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl(database) },
    encoding: 'utf8',
  });

describe('Database migrations', () => {
  it('build the whole schema the entities describe, with nothing left to generate', async () => {
    const database = await createDatabase('pourline_migrations');
    try {
      const result = checkMigrations(database);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('migrations match the entities');
      expect(result.status).toBe(0);
    } finally {
      await dropDatabase(database);
    }
  });

  it('still see drift on the partitioned tables, which TypeORM reads through their parent', async () => {
    const database = await createDatabase('pourline_migrations_drift');
    const db = new Client({ connectionString: databaseUrl(database) });
    try {
      expect(checkMigrations(database).status).toBe(0);
      await db.connect();
      const kind = await db.query(
        `SELECT relname, relkind FROM pg_class WHERE relname IN ('live_events', 'positions') ORDER BY relname`,
      );
      expect(kind.rows).toEqual([
        { relname: 'live_events', relkind: 'p' },
        { relname: 'positions', relkind: 'p' },
      ]);
      await db.query('DROP INDEX positions_entity_fix_time');
      await db.query('DROP INDEX live_events_project_seq');

      const result = checkMigrations(database);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('CREATE INDEX "positions_entity_fix_time"');
      expect(result.stderr).toContain('CREATE INDEX "live_events_project_seq"');
    } finally {
      await db.end();
      await dropDatabase(database);
    }
  });
});
