import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';

describe('Database migrations', () => {
  it('build the whole schema the entities describe, with nothing left to generate', async () => {
    const database = await createDatabase('pourline_migrations');
    try {
      const result = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'apps/api/dist/platform/database/check-migrations.js')],
        { env: { ...process.env, DATABASE_URL: databaseUrl(database) }, encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('migrations match the entities');
      expect(result.status).toBe(0);
    } finally {
      await dropDatabase(database);
    }
  });
});
