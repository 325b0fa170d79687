import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface BenchProcess {
  pid: number;
  /** Everything it printed on stdout so far. */
  output: () => string;
  /** Resolves with its output once it exits by itself. */
  exited: Promise<string>;
  stop: () => Promise<void>;
}

/**
 * Runs one of the bench's own scripts as a separate process, so its CPU time is
 * its own; resolves once it prints `ready` (or at once when `waitForReady` is off).
 */
export async function startBenchScript(script: string, args: string[], waitForReady = true): Promise<BenchProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script), ...args], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<string>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${script} exited with ${code}`)))),
  );
  if (waitForReady) {
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes('ready')) {
          child.stdout?.off('data', check);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      exited.catch(reject);
    });
  }
  return {
    pid: child.pid!,
    output: () => output,
    exited,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
