import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, REPO_ROOT } from '../support/api-process';
import { ADMIN_PASSWORD } from '../support/test-constants';

const HOST = join(__dirname, 'fixtures/dispatch-clock-host.cjs');

/** The built API on a clock the test sets, with the dispatch ticker beaten and the fleet driven on command. */
export class DispatchHost {
  private answers: ((line: string) => void)[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => this.answers.shift()?.(line));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(databaseUrl: string, at: Date): Promise<DispatchHost> {
    const port = await freePort();
    const child = spawn(process.execPath, [HOST, databaseUrl, String(port), at.toISOString()], {
      cwd: REPO_ROOT,
      env: { ...process.env, ADMIN_PASSWORD, LOG_LEVEL: 'error' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const host = new DispatchHost(child, `http://127.0.0.1:${port}`);
    const ready = await host.next(120_000);
    if (!JSON.parse(ready).ready) throw new Error(`dispatch host did not start: ${ready}\n${host.output}`);
    return host;
  }

  private next(timeoutMs = 60_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`dispatch host silent:\n${this.output}`)), timeoutMs);
      this.child.once('exit', (code) => reject(new Error(`dispatch host exited with ${code}:\n${this.output}`)));
      this.answers.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  }

  /** Commands run one at a time, in the order sent. */
  command<T = any>(command: Record<string, unknown>): Promise<T> {
    const run = this.queue.then(async () => {
      const answer = this.next();
      this.child.stdin!.write(`${JSON.stringify(command)}\n`);
      const parsed = JSON.parse(await answer);
      if (!parsed.ok) throw new Error(`${command.cmd}: ${parsed.error}`);
      return parsed.result as T;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  setClock(at: Date) {
    return this.command({ cmd: 'clock', at: at.toISOString() });
  }

  tick(): Promise<{ created: number; raised: number; resolved: number }> {
    return this.command({ cmd: 'tick' });
  }

  fleet(
    pourId: string,
    travelMinutes: number,
    rateM3PerHour: number,
  ): Promise<{ ticket: string; from: string; to: string }[]> {
    return this.command({ cmd: 'fleet', pourId, travelMinutes, rateM3PerHour });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.stdin!.end();
      setTimeout(() => this.child.kill('SIGKILL'), 10_000).unref();
    });
  }
}
