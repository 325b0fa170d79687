import os from 'node:os';
import { Client } from 'pg';
import { freePort, type RunningApi, startApi, untilWorkersAnswer } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { login } from '../support/http';
import { registerBenchFleet } from './bench-fleet';
import { benchOptions, type BenchOptions } from './bench-options';
import { type BenchProcess, startBenchScript } from './bench-process';
import { cpuOfTree, cpuSpent, type MachineCpu, machineBusyShare, machineCpu } from './process-cpu';
import type { FleetMotion } from './fleet-motion';
import { createRealisticFleet } from './realistic-fleet';
import { BenchConsoles, runSteadyLoad, type SteadyResult } from './steady-load';
import { apiWriteThroughput, rawInsertThroughput } from './write-throughput';

const ADMIN_PASSWORD = 'bench-admin-password';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

interface Measured {
  result: SteadyResult;
  /** ms of the server's own CPU time per 1,000 accepted positions. */
  cpuPerThousand: number;
  /** Share of one core the server used over the run. */
  cores: number;
  /** Share of one core it used with its consoles connected and no fixes coming: timers, polls, jobs. */
  idleCores: number;
  /** Fixes accepted in the warm-up, which are stored too. */
  warmupAccepted: number;
  /** Cores the bench itself (trackers and consoles, every thread) used over the run. */
  generatorCores: number;
  /** Share of all the machine's cores busy over the run, whoever used them. */
  machineBusy: number;
}

async function countPositions(url: string): Promise<number> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return Number((await db.query(`SELECT count(*) FROM positions WHERE device_id LIKE 'bench-%'`)).rows[0].count);
  } finally {
    await db.end();
  }
}

/** Loads released (still in their plant) and on site: fences move the first on and the second in. */
async function loadSteps(url: string): Promise<{ released: number; onSite: number }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'released') AS released, count(*) FILTER (WHERE status = 'on_site') AS "onSite"
         FROM loads`,
    );
    return { released: Number(rows[0].released), onSite: Number(rows[0].onSite) };
  } finally {
    await db.end();
  }
}

/** Warms up, then runs the fleet for the measured time while reading the server's CPU time before and after. */
async function measure(
  options: BenchOptions,
  baseUrl: string,
  pid: number,
  token: string | undefined,
  motion: FleetMotion,
): Promise<Measured> {
  const consoles = await BenchConsoles.connect(baseUrl, options.consoles, options.consoleThreads, token);
  try {
    const common = { baseUrl, consoles, trucks: options.trucks, motion, threads: options.trackerThreads };
    console.log(`  ${options.consoles} consoles connected; the server is watched idle for ${options.idleS} s`);
    const idleFrom = cpuOfTree(pid);
    await new Promise((resolve) => setTimeout(resolve, options.idleS * 1000));
    const idleCores = cpuSpent(idleFrom, cpuOfTree(pid)) / 1000 / options.idleS;
    const warmup = await runSteadyLoad({ ...common, seconds: options.warmupS, firstSecond: 0 });
    // From the first fix on: the trackers' connecting before it is not the server's work per position.
    // To the last answer, the window of `elapsedS`: the consoles' settling after it is not the run.
    let before = cpuOfTree(pid);
    let after = before;
    let generatorBefore = process.cpuUsage();
    let generator = generatorBefore;
    let machineBefore: MachineCpu = machineCpu();
    let machineAfter = machineBefore;
    const result = await runSteadyLoad({
      ...common,
      seconds: options.durationS,
      firstSecond: options.warmupS,
      onReady: () => {
        before = cpuOfTree(pid);
        generatorBefore = process.cpuUsage();
        machineBefore = machineCpu();
      },
      onDone: () => {
        after = cpuOfTree(pid);
        generator = process.cpuUsage(generatorBefore);
        machineAfter = machineCpu();
      },
    });
    const cpuMs = cpuSpent(before, after);
    return {
      result,
      cpuPerThousand: (cpuMs / Math.max(1, result.accepted)) * 1000,
      cores: cpuMs / 1000 / result.elapsedS,
      idleCores,
      warmupAccepted: warmup.accepted,
      generatorCores: (generator.user + generator.system) / 1e6 / result.elapsedS,
      machineBusy: machineBusyShare(machineBefore, machineAfter),
    };
  } finally {
    await consoles.close();
  }
}

/** Above this share of the machine busy, fixes and frames wait for a core: latency measures the machine. */
const SATURATED = 0.9;

function report(
  name: string,
  { result, cpuPerThousand, cores, idleCores, generatorCores, machineBusy }: Measured,
  consoles: number,
): void {
  const share = (value: number) => `${(value * 100).toFixed(1)} %`;
  console.log(`\n${name}`);
  console.log(
    `  sent ${result.sent}, accepted ${result.accepted} (${result.resent} of them resent), refused ${result.refused}, ` +
      `answered 503 or not at all ${result.unavailable} times, lost ${result.lost}`,
  );
  console.log(`  accepted positions/s:   ${result.acceptedPerSecond.toFixed(0)}`);
  const aboveIdle = ((cores - idleCores) * result.elapsedS * 1000 * 1000) / Math.max(1, result.accepted);
  console.log(
    `  CPU per 1,000 positions: ${cpuPerThousand.toFixed(1)} ms (${aboveIdle.toFixed(1)} ms above idle); ` +
      `${cores.toFixed(2)} cores over the run, ${idleCores.toFixed(2)} idle`,
  );
  console.log(`  request:                ${result.requestLatency.summary()}`);
  console.log(`  ingest → console:       ${result.ingestToConsole.summary()}`);
  console.log(
    `  delivered share:        mean ${share(result.deliveredShareMean)}, lowest ${share(result.deliveredShareMin)} of accepted positions, ${consoles} consoles`,
  );
  console.log(
    `  the machine:            ${share(machineBusy)} of ${os.cpus().length} cores busy; the bench's trackers and consoles used ${generatorCores.toFixed(2)} cores`,
  );
  if (machineBusy >= SATURATED)
    console.log(
      `  SATURATED: the cores were nearly always busy, so fixes and frames also waited for a core; the latencies above measure the machine as much as the server`,
    );
}

async function startPourline(options: BenchOptions, url: string): Promise<RunningApi> {
  const api = await startApi(
    {
      DATABASE_URL: url,
      DEMO: 'false',
      ADMIN_PASSWORD,
      JWT_SECRET: 'bench-secret-long-enough-for-the-api',
      TRACKER_AUTH: 'optional',
      REDIS_URL: options.redis ? REDIS_URL : '',
      WORKERS: String(options.instances),
      // The product's back-pressure thresholds, not the test harness's relaxed ones: overload is answered 503.
      INGEST_MAX_QUEUE_AGE_MS: '',
      INGEST_MAX_EVENT_LOOP_LAG_MS: '',
    },
    120_000,
    undefined,
    options.apiNodeArgs,
  );
  if (options.instances > 1) await untilWorkersAnswer(api.baseUrl, options.instances);
  return api;
}

async function main(): Promise<void> {
  const options = benchOptions();
  console.log(
    `bench:live — ${options.mode} mode, ${options.trucks} trucks at 1 Hz for ${options.durationS} s ` +
      `(after ${options.warmupS} s warm-up), ${options.consoles} consoles, ${options.instances} API worker(s)` +
      `${options.redis ? ' sharing live events through Redis' : ''}; trackers sent from ${options.trackerThreads} thread(s), consoles read by ${options.consoleThreads}`,
  );
  const database = await createDatabase('pourline_bench');
  const url = databaseUrl(database);
  const api = await startPourline(options, url);
  // An interrupted run leaves no server or database behind either.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([api.stop(), bare?.stop()])
        .then(() => dropDatabase(database))
        .finally(() => process.exit(130));
    });
  }
  let bare: BenchProcess | undefined;
  try {
    const admin = await login('admin', ADMIN_PASSWORD, api.baseUrl);
    process.env.POURLINE_API_URL = api.baseUrl;
    let motion: FleetMotion = { kind: 'bare' };
    if (options.mode === 'realistic') {
      console.log('Setting up the fleet through the API');
      const fleet = await createRealisticFleet(admin, options.trucks, options.crossingEveryS, (line) =>
        console.log(line),
      );
      motion = fleet.motion;
      console.log(`  about ${fleet.crossingsPerSecond.toFixed(1)} fence crossings per second across the fleet`);
    } else {
      await registerBenchFleet(url, options.trucks);
    }

    const persistedBefore = await countPositions(url);
    const stepsBefore = await loadSteps(url);
    const pourline = await measure(options, api.baseUrl, api.process.pid!, admin.token, motion);
    const persisted = (await countPositions(url)) - persistedBefore;
    const stepsAfter = await loadSteps(url);
    report(`Pourline API, ${options.instances} worker(s)`, pourline, options.consoles);
    console.log(`  positions persisted:    ${persisted} (accepted in warm-up and run together)`);
    if (options.mode === 'realistic') {
      const moved = stepsBefore.released - stepsAfter.released + (stepsAfter.onSite - stepsBefore.onSite);
      console.log(`  loads moved by fences:  ${moved} in warm-up and run`);
    }

    const barePort = await freePort();
    bare = await startBenchScript('bare-broadcast-server.ts', [String(barePort)]);
    const baseline = await measure(options, `http://127.0.0.1:${barePort}`, bare.pid, undefined, motion);
    await bare.stop();
    report('Baseline: bare socket.io broadcast server, its own process, no database', baseline, options.consoles);

    console.log(`\nWrite throughput, ${options.saturationS} s each`);
    const apiRate = await apiWriteThroughput(api.baseUrl, options.trucks, options.saturationS);
    const raw = await rawInsertThroughput(url, options.trucks, options.saturationS);
    console.log(`  API batch ingest (durable, latest positions kept): ${apiRate.toFixed(0)} positions/s`);
    console.log(
      `  raw INSERT into positions, ${raw.batch} rows a batch, ${raw.concurrency} in flight, own process: ${raw.rowsPerSecond.toFixed(0)} rows/s`,
    );

    const p99 = pourline.result.ingestToConsole.percentile(99);
    const targets: [string, boolean][] = [
      [
        `every fix accepted, at once or resent after a 503 (${pourline.result.accepted}/${pourline.result.sent}, ${pourline.result.lost} lost)`,
        pourline.result.accepted === pourline.result.sent,
      ],
      [
        `≤ 0.10 ms of API CPU per position (${(pourline.cpuPerThousand / 1000).toFixed(3)} ms)`,
        pourline.cpuPerThousand <= 100,
      ],
      [
        `every accepted fix stored (${persisted} of ${pourline.warmupAccepted + pourline.result.accepted})`,
        persisted === pourline.warmupAccepted + pourline.result.accepted,
      ],
      [
        `ingest → console p99 ≤ 150 ms (${p99.toFixed(1)} ms${pourline.machineBusy >= SATURATED ? ', on a saturated machine' : ''})`,
        p99 <= 150,
      ],
      [
        `every console got every accepted position (lowest share ${(pourline.result.deliveredShareMin * 100).toFixed(1)} %)`,
        pourline.result.deliveredShareMin >= 0.999,
      ],
    ];
    console.log('\nTargets');
    for (const [label, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'} ${label}`);
    console.log('Ratios');
    console.log(
      `  API CPU per position ÷ bare server's: ${(pourline.cpuPerThousand / baseline.cpuPerThousand).toFixed(1)}`,
    );
    console.log(`  API write throughput ÷ raw INSERT:    ${(apiRate / raw.rowsPerSecond).toFixed(2)}`);
  } finally {
    await bare?.stop();
    await api.stop();
    await dropDatabase(database);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
