/** What the simulator is told, from flags and environment, with the defaults the brief names. */
export type SimulatorMode = 'demo' | 'stream';

export interface SimulatorOptions {
  mode: SimulatorMode;
  baseUrl: string;
  /** Simulated seconds per real second: 10 makes a truck visibly move and a cycle take minutes. */
  timeScale: number;
  /** Real milliseconds between two fixes of one moving truck. */
  reportIntervalMs: number;
  /** Probability that a slump test fails, at the plant and on site alike. */
  failRate: number;
  /** Most trucks to drive (demo) or synthetic trucks to stream (stream); null means all demo trucks. */
  trucks: number | null;
  /** Real seconds to run; null runs until stopped. */
  durationS: number | null;
  /** Stream mode: password of the demo account `dispatcher`, to read the pours' routes. */
  password: string;
  /** Stream mode: create the bench-0001… trucks first. */
  register: boolean;
  /**
   * An administrator: registers the bench trucks (stream), or asks the API for
   * the demo fleet's access token when the fleet runs on its own (demo).
   */
  adminUsername: string;
  adminPassword: string;
  /** Stream mode: most requests in flight at once. */
  concurrency: number;
}

export const DEFAULT_OPTIONS: SimulatorOptions = {
  mode: 'demo',
  baseUrl: 'http://localhost:3000',
  timeScale: 10,
  reportIntervalMs: 1000,
  failRate: 0.05,
  trucks: null,
  durationS: null,
  password: 'pourline',
  register: false,
  adminUsername: 'admin',
  adminPassword: 'pourline',
  concurrency: 64,
};

interface OptionSpec {
  flag: string;
  env: string;
  key: keyof SimulatorOptions;
  kind: 'string' | 'number' | 'boolean' | 'mode';
  help: string;
}

const SPECS: OptionSpec[] = [
  { flag: 'mode', env: 'SIM_MODE', key: 'mode', kind: 'mode', help: 'demo (whole truck cycles) or stream (benchmark)' },
  { flag: 'base-url', env: 'SIM_BASE_URL', key: 'baseUrl', kind: 'string', help: 'API origin, without /api' },
  { flag: 'time-scale', env: 'SIM_TIME_SCALE', key: 'timeScale', kind: 'number', help: 'simulated s per real s' },
  {
    flag: 'report-interval-ms',
    env: 'SIM_REPORT_INTERVAL_MS',
    key: 'reportIntervalMs',
    kind: 'number',
    help: 'real ms between fixes of a truck',
  },
  {
    flag: 'fail-rate',
    env: 'SIM_FAIL_RATE',
    key: 'failRate',
    kind: 'number',
    help: 'probability of a failed slump test (0–1)',
  },
  {
    flag: 'trucks',
    env: 'SIM_TRUCKS',
    key: 'trucks',
    kind: 'number',
    help: 'most trucks to use (stream: trucks to simulate)',
  },
  {
    flag: 'duration-s',
    env: 'SIM_DURATION_S',
    key: 'durationS',
    kind: 'number',
    help: 'stop after this many real seconds',
  },
  {
    flag: 'password',
    env: 'SIM_PASSWORD',
    key: 'password',
    kind: 'string',
    help: 'stream: password of the demo user dispatcher, to read routes',
  },
  {
    flag: 'register',
    env: 'SIM_REGISTER',
    key: 'register',
    kind: 'boolean',
    help: 'stream: register bench-0001… trucks first',
  },
  {
    flag: 'admin-username',
    env: 'SIM_ADMIN_USERNAME',
    key: 'adminUsername',
    kind: 'string',
    help: 'admin account (stream --register; demo: issues the demo fleet its token)',
  },
  {
    flag: 'admin-password',
    env: 'SIM_ADMIN_PASSWORD',
    key: 'adminPassword',
    kind: 'string',
    help: 'admin password (stream --register; demo: issues the demo fleet its token)',
  },
  {
    flag: 'concurrency',
    env: 'SIM_CONCURRENCY',
    key: 'concurrency',
    kind: 'number',
    help: 'stream: most requests in flight',
  },
];

export class OptionsError extends Error {}

export function usage(): string {
  const lines = SPECS.map((spec) => {
    const fallback = DEFAULT_OPTIONS[spec.key];
    const shown = fallback === null ? 'none' : String(fallback);
    return `  --${spec.flag.padEnd(20)} ${spec.help} (env ${spec.env}, default ${shown})`;
  });
  return ['Usage: node apps/simulator/dist/index.js [options]', ...lines, '  --help'].join('\n');
}

/** Flags win over environment variables, which win over the defaults. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = {}): SimulatorOptions {
  const raw = new Map<keyof SimulatorOptions, string>();
  for (const spec of SPECS) {
    const value = env[spec.env];
    if (value !== undefined && value !== '') raw.set(spec.key, value);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new OptionsError(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const spec = SPECS.find((candidate) => candidate.flag === name);
    if (!spec) throw new OptionsError(`unknown option --${name}`);
    if (spec.kind === 'boolean' && inline === undefined) {
      raw.set(spec.key, 'true');
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new OptionsError(`--${name} needs a value`);
    raw.set(spec.key, value);
  }
  const options: SimulatorOptions = { ...DEFAULT_OPTIONS };
  const target = options as unknown as Record<string, unknown>;
  for (const spec of SPECS) {
    const value = raw.get(spec.key);
    if (value !== undefined) target[spec.key] = convert(spec, value);
  }
  return validateOptions(options);
}

function convert(spec: OptionSpec, value: string): unknown {
  switch (spec.kind) {
    case 'string':
      return value;
    case 'boolean':
      if (/^(1|true|yes)$/i.test(value)) return true;
      if (/^(0|false|no)$/i.test(value)) return false;
      throw new OptionsError(`--${spec.flag} must be true or false, got ${value}`);
    case 'mode':
      if (value === 'demo' || value === 'stream') return value;
      throw new OptionsError(`--${spec.flag} must be demo or stream, got ${value}`);
    case 'number': {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) {
        throw new OptionsError(`--${spec.flag} must be a number, got ${value}`);
      }
      return number;
    }
  }
}

export function validateOptions(options: SimulatorOptions): SimulatorOptions {
  const problems: string[] = [];
  if (!/^https?:\/\//.test(options.baseUrl)) problems.push('--base-url must start with http:// or https://');
  if (!(options.timeScale > 0 && options.timeScale <= 1000)) problems.push('--time-scale must be in (0, 1000]');
  if (!(options.reportIntervalMs >= 50)) problems.push('--report-interval-ms must be at least 50');
  if (!(options.failRate >= 0 && options.failRate <= 1)) problems.push('--fail-rate must be between 0 and 1');
  if (options.trucks !== null && !(Number.isInteger(options.trucks) && options.trucks >= 1)) {
    problems.push('--trucks must be a whole number of at least 1');
  }
  if (options.durationS !== null && !(options.durationS > 0)) problems.push('--duration-s must be positive');
  if (!(Number.isInteger(options.concurrency) && options.concurrency >= 1)) {
    problems.push('--concurrency must be a whole number of at least 1');
  }
  if (problems.length) throw new OptionsError(problems.join('; '));
  return { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
}
