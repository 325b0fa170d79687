import cluster, { type Worker } from 'node:cluster';

/** Names the worker that answered, on HTTP responses and WebSocket upgrades, when several share a port. */
export const WORKER_HEADER = 'X-Pourline-Worker';

/** This process's worker number (1, 2, …) when it is one of several on a port. */
export function workerId(): string | undefined {
  return cluster.isWorker && cluster.worker ? String(cluster.worker.id) : undefined;
}

export interface PrimaryLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

const REPLACE_AFTER_MS = 1_000;
const STOP_GRACE_MS = 30_000;

/**
 * The primary process: starts the workers one after the other (each applies
 * pending migrations and checks the administrator before it listens, so they
 * never race at it), shares the port between them, replaces a worker that
 * dies, and passes a stop signal on, exiting once all have stopped.
 */
export function runPrimary(count: number, log: PrimaryLog): void {
  let stopping = false;
  const listened = new WeakSet<Worker>();

  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork();
      worker.once('listening', () => {
        listened.add(worker);
        resolve(worker);
      });
      worker.once('exit', (code, signal) => {
        if (!listened.has(worker))
          reject(new Error(`worker ${worker.id} stopped before it listened (${signal ?? code})`));
      });
    });

  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${why}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
    exitWhenAllStopped();
  };

  const exitWhenAllStopped = () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return exitWhenAllStopped();
    if (!listened.has(worker)) return;
    log.warn(`worker ${worker.id} stopped (${signal ?? code}); starting another`);
    const replace = () =>
      void fork().catch((error: unknown) => {
        log.error(`${String(error)}; trying again`);
        if (!stopping) setTimeout(replace, REPLACE_AFTER_MS * 5);
      });
    setTimeout(replace, REPLACE_AFTER_MS);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(`${signal} received`));

  void (async () => {
    for (let started = 0; started < count && !stopping; started += 1) await fork();
    if (!stopping) log.info(`${count} API workers listening`);
  })().catch((error: unknown) => {
    // Stopped while starting is a stop; otherwise the worker said why in its own output, and the others go too.
    if (stopping) return;
    log.error(String(error));
    process.exitCode = 1;
    stop('a worker could not start');
  });
}
