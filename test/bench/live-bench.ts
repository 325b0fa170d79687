import { Client } from 'pg';
import { freePort, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { startBareBroadcastServer } from './bare-broadcast-server';
import { registerBenchFleet } from './bench-fleet';
import { connectClients, runSteadyLoad, type SteadyResult } from './steady-load';
import { apiWriteThroughput, rawBatchedInsertThroughput } from './write-throughput';

const TRUCKS = Number(process.env.BENCH_TRUCKS ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
/** Connections, JIT and caches settle before anything is measured. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 10);
const ADMIN_PASSWORD = 'bench-admin-password';

async function countPositions(url: string): Promise<number> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return Number((await db.query('SELECT count(*) FROM positions')).rows[0].count);
  } finally {
    await db.end();
  }
}

function report(name: string, result: SteadyResult): void {
  console.log(`\n${name}`);
  console.log(
    `  sent ${result.sent}, accepted ${result.accepted}, refused ${result.refused}, 503/failed ${result.unavailable}`,
  );
  console.log(`  accepted positions/s: ${result.acceptedPerSecond.toFixed(0)}`);
  console.log(`  request latency:      ${result.requestLatency.summary()}`);
  console.log(`  ingest → client:      ${result.ingestToClient.summary()}`);
  console.log(`  positions delivered per client per second: ${result.deliveredPerClientPerSecond.toFixed(0)}`);
}

async function main(): Promise<void> {
  console.log(`bench:live — ${TRUCKS} trucks at 1 Hz for ${SECONDS} s, ${CLIENTS} dashboard clients`);
  const database = await createDatabase('pourline_bench');
  const url = databaseUrl(database);
  const api = await startApi({
    DATABASE_URL: url,
    DEMO: 'false',
    ADMIN_PASSWORD,
    JWT_SECRET: 'bench-secret-long-enough',
    REDIS_URL: '',
  });
  try {
    await registerBenchFleet(url, TRUCKS);
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    const apiClients = await connectClients(api.baseUrl, CLIENTS, accessToken);
    await runSteadyLoad(api.baseUrl, apiClients, TRUCKS, WARMUP_SECONDS);
    const persistedBefore = await countPositions(url);
    const pourline = await runSteadyLoad(api.baseUrl, apiClients, TRUCKS, SECONDS);
    apiClients.forEach((client) => client.close());
    const persisted = (await countPositions(url)) - persistedBefore;
    report('Pourline API (Express, PostgreSQL, socket.io)', pourline);
    console.log(`  positions persisted: ${persisted} of ${pourline.accepted} accepted`);

    const barePort = await freePort();
    const bare = await startBareBroadcastServer(barePort);
    const bareUrl = `http://127.0.0.1:${barePort}`;
    const bareClients = await connectClients(bareUrl, CLIENTS);
    await runSteadyLoad(bareUrl, bareClients, TRUCKS, WARMUP_SECONDS);
    const baseline = await runSteadyLoad(bareUrl, bareClients, TRUCKS, SECONDS);
    bareClients.forEach((client) => client.close());
    await bare.close();
    report('Baseline: bare socket.io broadcast server, no database', baseline);

    console.log(`\nWrite throughput, ${SATURATION_SECONDS} s each`);
    const apiRate = await apiWriteThroughput(api.baseUrl, TRUCKS, SATURATION_SECONDS);
    const rawRate = await rawBatchedInsertThroughput(url, TRUCKS, SATURATION_SECONDS);
    console.log(`  API batch ingest (durable, latest positions kept): ${apiRate.toFixed(0)} positions/s`);
    console.log(`  raw batched INSERT, same rows:                     ${rawRate.toFixed(0)} rows/s`);

    const p99 = pourline.ingestToClient.percentile(99);
    const fanOutRatio = pourline.deliveredPerClientPerSecond / baseline.deliveredPerClientPerSecond;
    const checks: [string, boolean][] = [
      [`every accepted position persisted (${persisted}/${pourline.accepted})`, persisted >= pourline.accepted],
      [`p99 ingest → client < 250 ms (${p99.toFixed(1)} ms)`, p99 < 250],
      [`write throughput ≥ ½ raw batched insert (${(apiRate / rawRate).toFixed(2)})`, apiRate >= rawRate / 2],
      [`fan-out ≥ ½ bare socket.io (${fanOutRatio.toFixed(2)})`, fanOutRatio >= 0.5],
    ];
    console.log('\nTargets');
    for (const [label, met] of checks) console.log(`  ${met ? 'met   ' : 'MISSED'} ${label}`);
  } finally {
    await api.stop();
    await dropDatabase(database);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
