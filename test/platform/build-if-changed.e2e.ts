import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUILD_OUTPUTS, buildIsCurrent, recordFingerprint, sourceFingerprint } from '../../scripts/build-if-changed';

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

describe('npm start builds only when the sources changed', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pourline-build-'));
    write(root, 'package.json', '{}');
    write(root, 'libs/domain/src/index.ts', 'export const a = 1;');
    write(root, 'apps/web/src/main.tsx', 'export {};');
    for (const output of BUILD_OUTPUTS) write(root, output, 'built');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('serves the last build while nothing changed', () => {
    recordFingerprint(root, sourceFingerprint(root));
    expect(buildIsCurrent(root, sourceFingerprint(root))).toBe(true);
  });

  it('builds after a source file changed, was added or removed', () => {
    recordFingerprint(root, sourceFingerprint(root));
    write(root, 'libs/domain/src/index.ts', 'export const a = 2;');
    expect(buildIsCurrent(root, sourceFingerprint(root))).toBe(false);

    recordFingerprint(root, sourceFingerprint(root));
    write(root, 'apps/web/src/extra.ts', 'export {};');
    expect(buildIsCurrent(root, sourceFingerprint(root))).toBe(false);

    recordFingerprint(root, sourceFingerprint(root));
    rmSync(join(root, 'apps/web/src/extra.ts'));
    expect(buildIsCurrent(root, sourceFingerprint(root))).toBe(false);
  });

  it('ignores what builds and runs write', () => {
    recordFingerprint(root, sourceFingerprint(root));
    write(root, 'apps/api/dist/extra.js', 'built');
    write(root, 'apps/api/node_modules/x/index.js', 'module');
    write(root, 'data/pg/PG_VERSION', '18');
    expect(buildIsCurrent(root, sourceFingerprint(root))).toBe(true);
  });

  it('builds when an output is missing, whatever the fingerprint says', () => {
    recordFingerprint(root, sourceFingerprint(root));
    rmSync(join(root, 'apps/web/dist/index.html'));
    expect(buildIsCurrent(root, sourceFingerprint(root))).toBe(false);
  });

  it('builds on a first start with no fingerprint', () => {
    expect(buildIsCurrent(root, sourceFingerprint(root))).toBe(false);
  });
});
