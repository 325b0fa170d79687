import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningApi {
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the built API as a real process and waits until it answers health checks;
 * `main` runs a copy of the build from elsewhere; `nodeArgs` go to node before it (a profiler, say).
 */
export async function startApi(
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
  main = API_MAIN,
  nodeArgs: string[] = [],
): Promise<RunningApi> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: main === API_MAIN ? REPO_ROOT : dirname(main),
    // One worker unless a test asks for more: suites share two cores.
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      WORKERS: '1',
      // Suites share a busy machine: back-pressure answers only where a test asks for it.
      INGEST_MAX_QUEUE_AGE_MS: '30000',
      INGEST_MAX_EVENT_LOOP_LAG_MS: '10000',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`API did not become healthy in ${timeoutMs} ms:\n${output}`);
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return { baseUrl, process: child, output: () => output, stop };
}

/** Which worker answered a health check made on a connection of its own. */
function workerAnswering(baseUrl: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const call = request(`${baseUrl}/api/health`, { agent: false, headers: { connection: 'close' } }, (response) => {
      response.resume();
      response.on('end', () => {
        const worker = response.headers['x-pourline-worker'];
        resolve(response.statusCode === 200 && typeof worker === 'string' ? worker : undefined);
      });
    });
    // A connection handed to a worker as it dies is lost: given up on, as a client would.
    call.setTimeout(3_000, () => call.destroy());
    call.on('error', () => resolve(undefined));
    call.end();
  });
}

/**
 * The port serves as soon as its first worker listens, and the others follow one
 * by one: waits until `count` different workers have answered.
 */
export async function untilWorkersAnswer(baseUrl: string, count: number, timeoutMs = 120_000): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  while (seen.size < count) {
    if (Date.now() >= deadline) throw new Error(`only workers ${[...seen].join(', ')} answered in ${timeoutMs} ms`);
    const worker = await workerAnswering(baseUrl);
    if (worker) seen.add(worker);
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
