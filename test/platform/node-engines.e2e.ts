import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies } from 'semver';
import { REPO_ROOT } from '../support/api-process';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  dev?: boolean;
  optional?: boolean;
}

/** `npm install` says nothing about engines: every locked package runs on the Node the project declares. */
describe('dependencies and the declared Node version', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };

  it('runs every locked package on the oldest Node the project accepts', () => {
    const oldest = minVersion(manifest.engines.node)!.version;
    const refusing = Object.entries(lock.packages)
      .filter(([path, locked]) => path !== '' && !locked.optional)
      .filter(([, locked]) => {
        const range = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
        return range !== undefined && !satisfies(oldest, range, { includePrerelease: true });
      })
      .map(
        ([path, locked]) =>
          `${path.replace(/^.*node_modules\//, '')}@${locked.version} needs Node ${String((locked.engines as { node: string }).node)}`,
      );
    expect(refusing).toEqual([]);
  });
});
