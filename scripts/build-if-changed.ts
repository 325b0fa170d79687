/**
 * `npm start` builds only when the sources changed since the last build: the fingerprint of every
 * source file is kept beside the build, and a start with the same fingerprint serves what is there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Folders that hold what a build writes or what a run keeps, never what a build reads. */
const NOT_SOURCES = new Set(['node_modules', 'dist', 'data', 'coverage', 'test-artifacts']);
const SOURCE_FOLDERS = ['apps', 'libs'];
const ROOT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json'];
/** What a start needs; a missing one means a build whatever the fingerprint says. */
export const BUILD_OUTPUTS = [
  'libs/domain/dist/index.js',
  'libs/contracts/dist/index.js',
  'apps/simulator/dist/index.js',
  'apps/api/dist/main.js',
  'apps/web/dist/index.html',
];
export const FINGERPRINT_FILE = 'apps/api/dist/.source-fingerprint';

function sourceFiles(root: string, folder: string, found: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || NOT_SOURCES.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) sourceFiles(root, path, found);
    else if (entry.isFile()) found.push(relative(root, path));
  }
}

/** One hash over every source file's path and content, in a fixed order. */
export function sourceFingerprint(root: string): string {
  const files: string[] = ROOT_FILES.filter((file) => existsSync(join(root, file)));
  for (const folder of SOURCE_FOLDERS) {
    if (existsSync(join(root, folder))) sourceFiles(root, join(root, folder), files);
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash
      .update(file.split('\\').join('/'))
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

export function buildIsCurrent(root: string, fingerprint: string): boolean {
  if (BUILD_OUTPUTS.some((output) => !existsSync(join(root, output)))) return false;
  const stamp = join(root, FINGERPRINT_FILE);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === fingerprint;
}

export function recordFingerprint(root: string, fingerprint: string): void {
  writeFileSync(join(root, FINGERPRINT_FILE), `${fingerprint}\n`);
}

/** `--record` is run after every build; without it, builds only when the sources changed. */
function main(): void {
  const root = resolve(__dirname, '..');
  const fingerprint = sourceFingerprint(root);
  if (process.argv.includes('--record')) {
    recordFingerprint(root, fingerprint);
    return;
  }
  if (buildIsCurrent(root, fingerprint)) {
    console.log('Build is up to date with the sources; `npm run build` rebuilds by hand.');
    return;
  }
  console.log('Sources changed since the last build: building…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(build.status ?? 1);
}

if (require.main === module) main();
