import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runDayBench } from './day-bench';
import { runRmcdpBench } from './rmcdp-bench';

/** The product's re-plan budget: a handful of constructions keeps a re-plan well under a second. */
const DEFAULT_PLANS_PER_REPLAN = 20;

const USAGE = `usage:
  npm run bench:dispatch -- rmcdp --instances DIR --out DIR [--time-limit-s 10] [--seed 1] [--published CSV]
  npm run bench:dispatch -- day [--seed N] [--pours N] [--trucks N] [--plans-per-replan 20] [--out bench-results]`;

function main(): void {
  const [part, ...rest] = process.argv.slice(2);
  if (part === 'rmcdp') {
    const { values } = parseArgs({
      args: rest,
      options: {
        instances: { type: 'string' },
        out: { type: 'string' },
        'time-limit-s': { type: 'string', default: '10' },
        seed: { type: 'string', default: '1' },
        published: { type: 'string' },
      },
    });
    if (!values.instances || !values.out) throw new Error(`--instances and --out are required\n${USAGE}`);
    const instancesDir = resolve(values.instances);
    // The published figures sit beside the set's folder in the benchmark's own layout.
    const besideSet = join(dirname(instancesDir), 'kinable2014-set-a.csv');
    runRmcdpBench({
      instancesDir,
      outDir: resolve(values.out),
      timeLimitS: positiveNumber('--time-limit-s', values['time-limit-s']),
      seed: Math.trunc(positiveNumber('--seed', values.seed)),
      publishedCsv: values.published ?? (existsSync(besideSet) ? besideSet : null),
    });
    return;
  }
  if (part === 'day') {
    const { values } = parseArgs({
      args: rest,
      options: {
        seed: { type: 'string', default: '1' },
        pours: { type: 'string' },
        trucks: { type: 'string' },
        'plans-per-replan': { type: 'string', default: String(DEFAULT_PLANS_PER_REPLAN) },
        out: { type: 'string', default: 'bench-results' },
      },
    });
    runDayBench({
      seed: Math.trunc(positiveNumber('--seed', values.seed)),
      size: {
        pours: values.pours === undefined ? undefined : Math.trunc(positiveNumber('--pours', values.pours)),
        trucks: values.trucks === undefined ? undefined : Math.trunc(positiveNumber('--trucks', values.trucks)),
      },
      maxIterations: Math.trunc(positiveNumber('--plans-per-replan', values['plans-per-replan'])),
      outDir: resolve(values.out),
    });
    return;
  }
  throw new Error(USAGE);
}

function positiveNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} must be a positive number, got "${text}"`);
  return value;
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
