import os from 'node:os';
import { Client } from 'pg';
import { freePort, type RunningApi, startApi, untilWorkersAnswer } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { login } from '../support/http';
import { registerBenchFleet } from './bench-fleet';
import { benchOptions, type BenchOptions } from './bench-options';
import { type BenchProcess, startBenchScript } from './bench-process';
import {
  type Contender,
  type ContenderSetup,
  type Measured,
  measured,
  prepareContender,
  roundMachineBusy,
  runRound,
} from './contender';
import type { FleetMotion } from './fleet-motion';
import { createRealisticFleet } from './realistic-fleet';
import { apiWriteThroughput, rawInsertThroughput } from './write-throughput';

const ADMIN_PASSWORD = 'bench-admin-password';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

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

/** Above this share of the machine busy, fixes and frames wait for a core: latency measures the machine. */
const SATURATED = 0.9;

function report(name: string, contender: Contender, run: Measured): void {
  const { counts, cpuPerThousand, cores, idleCores, generatorCores, machineBusy } = run;
  const share = (value: number) => `${(value * 100).toFixed(1)} %`;
  console.log(`\n${name}`);
  console.log(
    `  sent ${counts.sent}, accepted ${counts.accepted} (${counts.resent} of them resent), refused ${counts.refused}, ` +
      `answered 503 or not at all ${counts.unavailable} times, lost ${counts.lost}`,
  );
  console.log(`  accepted positions/s:   ${run.acceptedPerSecond.toFixed(0)}`);
  const aboveIdle = ((cores - idleCores) * run.elapsedS * 1000 * 1000) / Math.max(1, counts.accepted);
  console.log(
    `  CPU per 1,000 positions: ${cpuPerThousand.toFixed(1)} ms (${aboveIdle.toFixed(1)} ms above idle); ` +
      `${cores.toFixed(2)} cores over the run, ${idleCores.toFixed(2)} idle`,
  );
  console.log(`  request:                ${run.requestLatency.summary()}`);
  console.log(`  ingest → console:       ${run.ingestToConsole.summary()}`);
  console.log(
    `  delivered share:        mean ${share(run.deliveredShareMean)}, lowest ${share(run.deliveredShareMin)} of accepted positions, ${contender.consoles.count} consoles`,
  );
  console.log(
    `  the machine:            ${share(machineBusy)} of ${os.cpus().length} cores busy; the bench's trackers and consoles used ${generatorCores.toFixed(2)} cores`,
  );
  const byRound = (value: (round: Contender['rounds'][number]) => string) => contender.rounds.map(value).join(' / ');
  console.log(
    `  by round:               ingest → console p99 ${byRound((round) => round.result.ingestToConsole.percentile(99).toFixed(0))} ms; ` +
      `machine ${byRound((round) => (roundMachineBusy(round) * 100).toFixed(0))} % busy`,
  );
  if (machineBusy >= SATURATED)
    console.log(
      `  SATURATED: the cores were nearly always busy, so fixes and frames also waited for a core; the latencies above measure the machine as much as the server`,
    );
}

/**
 * The servers take turns, round by round, in the order A B, B A, A B …: on a
 * shared host whose speed changes from minute to minute, a server measured
 * after the other would meet a different machine. Each round runs until its
 * last fix is answered and the consoles have gone quiet, so no round's work
 * spills into the next.
 */
async function takeTurns(setup: ContenderSetup, [first, second]: Contender[], options: BenchOptions): Promise<void> {
  const seconds = options.durationS / options.rounds;
  for (let round = 0; round < options.rounds; round += 1) {
    for (const contender of round % 2 === 0 ? [first, second] : [second, first]) {
      const { result } = await runRound(setup, contender, seconds);
      console.log(
        `  round ${round + 1} of ${options.rounds}, ${contender.name}: ${result.accepted} accepted in ${result.elapsedS.toFixed(1)} s, ` +
          `ingest → console ${result.ingestToConsole.summary()}`,
      );
    }
  }
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
      `(${options.rounds} rounds, taking turns with the bare server, after ${options.warmupS} s warm-up), ${options.consoles} consoles, ${options.instances} API worker(s)` +
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

    const barePort = await freePort();
    bare = await startBenchScript('bare-broadcast-server.ts', [String(barePort)]);
    const persistedBefore = await countPositions(url);
    const stepsBefore = await loadSteps(url);
    const setup: ContenderSetup = {
      trucks: options.trucks,
      consoles: options.consoles,
      consoleThreads: options.consoleThreads,
      trackerThreads: options.trackerThreads,
      idleS: options.idleS,
      warmupS: options.warmupS,
      motion,
    };
    const pourline = await prepareContender(setup, 'API', api.baseUrl, api.process.pid!, admin.token);
    const baseline = await prepareContender(setup, 'bare server', `http://127.0.0.1:${barePort}`, bare.pid, undefined);
    try {
      await takeTurns(setup, [pourline, baseline], options);
    } finally {
      await Promise.all([pourline.consoles.close(), baseline.consoles.close()]);
    }
    await bare.stop();
    const persisted = (await countPositions(url)) - persistedBefore;
    const stepsAfter = await loadSteps(url);
    const ours = measured(pourline);
    const theirs = measured(baseline);
    report(`Pourline API, ${options.instances} worker(s)`, pourline, ours);
    console.log(`  positions persisted:    ${persisted} (accepted in warm-up and run together)`);
    if (options.mode === 'realistic') {
      const moved = stepsBefore.released - stepsAfter.released + (stepsAfter.onSite - stepsBefore.onSite);
      console.log(`  loads moved by fences:  ${moved} in warm-up and run`);
    }
    report('Baseline: bare socket.io broadcast server, its own process, no database', baseline, theirs);

    console.log(`\nWrite throughput, ${options.saturationS} s each`);
    const apiRate = await apiWriteThroughput(api.baseUrl, options.trucks, options.saturationS);
    const raw = await rawInsertThroughput(url, options.trucks, options.saturationS);
    console.log(`  API batch ingest (durable, latest positions kept): ${apiRate.toFixed(0)} positions/s`);
    console.log(
      `  raw INSERT into positions, ${raw.batch} rows a batch, ${raw.concurrency} in flight, own process: ${raw.rowsPerSecond.toFixed(0)} rows/s`,
    );

    const p99 = ours.ingestToConsole.percentile(99);
    const { counts } = ours;
    const targets: [string, boolean][] = [
      [
        `every fix accepted, at once or resent after a 503 (${counts.accepted}/${counts.sent}, ${counts.lost} lost)`,
        counts.accepted === counts.sent,
      ],
      [`≤ 0.10 ms of API CPU per position (${(ours.cpuPerThousand / 1000).toFixed(3)} ms)`, ours.cpuPerThousand <= 100],
      [
        `every accepted fix stored (${persisted} of ${ours.warmupAccepted + counts.accepted})`,
        persisted === ours.warmupAccepted + counts.accepted,
      ],
      [
        `ingest → console p99 ≤ 150 ms (${p99.toFixed(1)} ms${ours.machineBusy >= SATURATED ? ', on a saturated machine' : ''})`,
        p99 <= 150,
      ],
      [
        `every console got every accepted position (lowest share ${(ours.deliveredShareMin * 100).toFixed(1)} %)`,
        ours.deliveredShareMin >= 0.999,
      ],
    ];
    console.log('\nTargets');
    for (const [label, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'} ${label}`);
    console.log('Ratios');
    console.log(`  API CPU per position ÷ bare server's: ${(ours.cpuPerThousand / theirs.cpuPerThousand).toFixed(1)}`);
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
