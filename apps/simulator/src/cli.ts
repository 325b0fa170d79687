import { formatStreamStats, registerBenchTrucks, runStream } from './bench-stream';
import { startDemoSimulation } from './fleet-simulation';
import { consoleLog, describeError } from './log';
import { OptionsError, parseOptions, type SimulatorOptions, usage } from './options';
import { formatStats } from './simulation-stats';

const DEFAULT_STREAM_TRUCKS = 100;

/** The command line: parse, run the chosen mode, stop on Ctrl-C or after --duration-s. Returns the exit code. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  let options: SimulatorOptions;
  try {
    options = parseOptions(argv, env);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage()}\n`);
    return 2;
  }
  return options.mode === 'stream' ? stream(options) : demo(options);
}

async function demo(options: SimulatorOptions): Promise<number> {
  const simulation = startDemoSimulation({ ...options, log: consoleLog });
  await untilStopped(options.durationS);
  consoleLog('stopping …');
  await simulation.stop();
  process.stdout.write(`${formatStats(simulation.stats)}\n`);
  return 0;
}

async function stream(options: SimulatorOptions): Promise<number> {
  const trucks = options.trucks ?? DEFAULT_STREAM_TRUCKS;
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if (options.register) {
      await registerBenchTrucks({
        baseUrl: options.baseUrl,
        count: trucks,
        adminUsername: options.adminUsername,
        adminPassword: options.adminPassword,
        signal: controller.signal,
      });
    }
    const stats = await runStream({
      baseUrl: options.baseUrl,
      trucks,
      reportIntervalMs: options.reportIntervalMs,
      durationS: options.durationS,
      concurrency: options.concurrency,
      timeScale: options.timeScale,
      password: options.password,
      signal: controller.signal,
    });
    process.stdout.write(`${formatStreamStats(stats)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`stream failed: ${describeError(error)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function untilStopped(durationS: number | null): Promise<void> {
  return new Promise((resolve) => {
    const timer = durationS ? setTimeout(done, durationS * 1000) : undefined;
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    function done() {
      clearTimeout(timer);
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    }
  });
}
