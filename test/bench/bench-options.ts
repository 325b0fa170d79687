import { parseArgs } from 'node:util';

export type BenchMode = 'realistic' | 'bare';

export interface BenchOptions {
  trucks: number;
  consoles: number;
  durationS: number;
  warmupS: number;
  /** How long the server is watched with its consoles connected and no fixes coming, before the warm-up. */
  idleS: number;
  /** API workers on the one port; more than one shares live state through Redis. */
  instances: number;
  mode: BenchMode;
  /** Use Redis even with one instance. */
  redis: boolean;
  /** In the realistic mode, a truck crosses one of its fences this often on average. */
  crossingEveryS: number;
  /** How long each write-throughput run lasts. */
  saturationS: number;
  /** Options for the API's node (a profiler, say), split on spaces. */
  apiNodeArgs: string[];
  /** Threads of the bench process sending the trackers' fixes. */
  trackerThreads: number;
  /** Threads of the bench process holding the consoles open and reading them. */
  consoleThreads: number;
}

const USAGE = `npm run bench:live -- [--trucks 2000] [--consoles 50] [--duration-s 30] [--warmup-s 5] [--idle-s 30]
                        [--instances 1|2] [--mode realistic|bare] [--redis]
                        [--crossing-every-s 900] [--saturation-s 10] [--tracker-threads 2] [--console-threads 4]
                        [--api-node-args='--cpu-prof …']`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} takes a positive whole number\n${USAGE}`);
  return parsed;
}

export function benchOptions(argv = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      trucks: { type: 'string' },
      consoles: { type: 'string' },
      'duration-s': { type: 'string' },
      'warmup-s': { type: 'string' },
      'idle-s': { type: 'string' },
      instances: { type: 'string' },
      mode: { type: 'string' },
      redis: { type: 'boolean' },
      'crossing-every-s': { type: 'string' },
      'saturation-s': { type: 'string' },
      'api-node-args': { type: 'string' },
      'tracker-threads': { type: 'string' },
      'console-threads': { type: 'string' },
    },
  });
  const mode = values.mode ?? 'realistic';
  if (mode !== 'realistic' && mode !== 'bare') throw new Error(`--mode is realistic or bare\n${USAGE}`);
  const instances = positive('instances', values.instances, 1);
  return {
    trucks: positive('trucks', values.trucks, 2000),
    consoles: positive('consoles', values.consoles, 50),
    durationS: positive('duration-s', values['duration-s'], 30),
    warmupS: positive('warmup-s', values['warmup-s'], 5),
    // Two dispatch ticks and deadline checks (every 15 s) fall in it, not zero or one by chance.
    idleS: positive('idle-s', values['idle-s'], 30),
    instances,
    mode,
    redis: values.redis === true || instances > 1,
    crossingEveryS: positive('crossing-every-s', values['crossing-every-s'], 900),
    saturationS: positive('saturation-s', values['saturation-s'], 10),
    trackerThreads: positive('tracker-threads', values['tracker-threads'], 2),
    consoleThreads: positive('console-threads', values['console-threads'], 4),
    apiNodeArgs: (values['api-node-args'] ?? '').split(' ').filter((arg) => arg !== ''),
  };
}
