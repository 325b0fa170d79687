import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planLoads } from '@pourline/domain';
import { rmcdpSchedulerInput, rmcdpSolution } from './rmcdp-adapter';
import { readRmcdpInstance } from './rmcdp-instance';
import { printTable } from './table';

export interface RmcdpBenchOptions {
  instancesDir: string;
  outDir: string;
  timeLimitS: number;
  seed: number;
  /** `Name;UB;CP;…` rows of published results; figures are left blank without it. */
  publishedCsv: string | null;
}

interface Published {
  ub: number;
  cp: number;
}

function readPublished(path: string | null): Map<string, Published> {
  const published = new Map<string, Published>();
  if (!path || !existsSync(path)) return published;
  const [, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  for (const row of rows) {
    const [name, ub, cp] = row.split(';');
    if (name) published.set(name, { ub: Number(ub), cp: Number(cp) });
  }
  return published;
}

/**
 * The process's CPU time (user and system) in milliseconds: the time limit is
 * counted in it, so that a machine shared with other work gives every
 * instance the same amount of computing, not the same stretch of wall clock.
 */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall-clock milliseconds between two readings of the CPU time by `cpuClock`. */
const CPU_READ_EVERY_MS = 1;

/**
 * The CPU-time clock the scheduler reads for its time limit. `process.cpuUsage`
 * is a system call, and the search asks the time after almost every step (read
 * each time, it took a fifth of the CPU); so it is read once per millisecond of
 * wall clock, and in between CPU time is taken to run as fast as the wall
 * clock. The search's own thread cannot outrun it; the runtime's helper
 * threads (garbage collection) can, by a fraction of that millisecond until
 * the next reading, so the limit is kept to within about a millisecond.
 */
function cpuClock(): () => number {
  let cpuAt = cpuMs();
  let wallAt = performance.now();
  let last = cpuAt;
  return () => {
    const wall = performance.now();
    if (wall - wallAt >= CPU_READ_EVERY_MS) {
      cpuAt = cpuMs();
      wallAt = wall;
    }
    last = Math.max(last, cpuAt + (wall - wallAt));
    return last;
  };
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const figure = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : value);

/** Solves every `*.rmc` instance with the product's scheduler and writes one solution per instance. */
export function runRmcdpBench(options: RmcdpBenchOptions): void {
  const names = readdirSync(options.instancesDir)
    .filter((file) => file.endsWith('.rmc'))
    .map((file) => file.slice(0, -'.rmc'.length))
    .sort();
  if (names.length === 0) throw new Error(`no .rmc instances in ${options.instancesDir}`);
  mkdirSync(options.outDir, { recursive: true });
  const published = readPublished(options.publishedCsv);
  console.log(
    `bench:dispatch rmcdp — ${names.length} instances, ${options.timeLimitS} s of CPU time per instance, seed ${options.seed}`,
  );

  const rows: (string | number)[][] = [];
  const delivered: number[] = [];
  const seconds: number[] = [];
  for (const name of names) {
    const instance = readRmcdpInstance(join(options.instancesDir, `${name}.rmc`), name);
    const started = cpuMs();
    const plan = planLoads(
      rmcdpSchedulerInput(instance, {
        seed: options.seed,
        maxIterations: Number.MAX_SAFE_INTEGER,
        timeLimitMs: options.timeLimitS * 1000,
        clock: cpuClock(),
      }),
    );
    const elapsedS = (cpuMs() - started) / 1000;
    const solution = rmcdpSolution(instance, plan);
    writeFileSync(join(options.outDir, `${name}.json`), `${JSON.stringify(solution, null, 1)}\n`);
    const known = published.get(name);
    delivered.push(solution.delivered);
    seconds.push(elapsedS);
    rows.push([
      name,
      solution.delivered,
      figure(known?.cp),
      figure(known?.ub),
      plan.pours.filter((pour) => pour.status === 'complete').length,
      instance.customers.length,
      plan.iterations,
      Number(elapsedS.toFixed(2)),
    ]);
  }
  printTable(['instance', 'delivered m3', 'CP', 'UB', 'served', 'customers', 'plans tried', 'CPU s'], rows);
  const cps = names.map((name) => published.get(name)?.cp ?? NaN);
  const ubs = names.map((name) => published.get(name)?.ub ?? NaN);
  console.log(
    `mean delivered ${mean(delivered).toFixed(1)} m3 over ${names.length} instances ` +
      `(published CP ${figure(Number(mean(cps).toFixed(1)))}, UB ${figure(Number(mean(ubs).toFixed(1)))}); ` +
      `CPU time per instance max ${Math.max(...seconds).toFixed(2)} s, mean ${mean(seconds).toFixed(2)} s; solutions in ${options.outDir}`,
  );
}
