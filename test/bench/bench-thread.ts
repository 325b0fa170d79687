import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts one of the bench's TypeScript files in a thread of its own. A thread
 * does not inherit this process's TypeScript loader, so it registers one first.
 */
export function benchThread(script: string, workerData: unknown): Worker {
  const path = JSON.stringify(join(__dirname, script));
  return new Worker(`require('tsx/cjs/api').register(); require(${path});`, { eval: true, workerData });
}
