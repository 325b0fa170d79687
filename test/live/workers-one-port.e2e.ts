import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { LatestPositionDto } from '@pourline/contracts';
import { type RunningApi, startApi, untilWorkersAnswer } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { createPlant, expectCreated, unique } from '../support/factories';
import { login } from '../support/http';
import { connectLive, type LiveRecorder, newDeviceId, waitFor } from '../support/live-support';

const REDIS_URL = 'redis://127.0.0.1:6379';
const ADMIN_PASSWORD = 'workers-admin-password';
const WORKER_HEADER = 'x-pourline-worker';

interface Taken {
  positionSeq: number;
  worker: string;
}

/**
 * One OsmAnd fix on a connection of its own, so the port hands it to whichever worker is next.
 * A tracker registered a moment ago may be unknown to a worker for up to a second: retried.
 */
async function sendFixAlone(baseUrl: string, fields: Record<string, string>): Promise<Taken> {
  const deadline = Date.now() + 4_000;
  for (;;) {
    const answer = await sendOnce(baseUrl, fields);
    if (answer.status === 200)
      return { positionSeq: Number(JSON.parse(answer.body).positionId), worker: answer.worker };
    if (answer.status !== 404 || Date.now() >= deadline)
      throw new Error(`fix refused: ${answer.status} ${answer.body}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function sendOnce(baseUrl: string, fields: Record<string, string>) {
  return new Promise<{ status: number; body: string; worker: string }>((resolve, reject) => {
    const call = request(
      `${baseUrl}/api/ingest/osmand?${new URLSearchParams(fields)}`,
      { method: 'GET', agent: false, headers: { connection: 'close' } },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, worker: String(response.headers[WORKER_HEADER]) }),
        );
      },
    );
    call.on('error', reject);
    call.end();
  });
}

/** A console, and the worker whose WebSocket upgrade answered it. */
async function consoleWithWorker(baseUrl: string, token: string): Promise<{ console: LiveRecorder; worker: string }> {
  const recorder = connectLive({ token, baseUrl });
  // The client's WebSocket exists as soon as the socket is made; its upgrade response names the worker.
  const ws = (recorder.socket.io.engine.transport as unknown as { ws: NodeJS.EventEmitter }).ws;
  const worker = new Promise<string>((resolve) =>
    ws.once('upgrade', (response: { headers: Record<string, string> }) => resolve(response.headers[WORKER_HEADER])),
  );
  await recorder.waitForReady();
  return { console: recorder, worker: await worker };
}

describe('Two API workers sharing one port', () => {
  let database: string;
  let api: RunningApi;
  let token: string;
  const consoles: { console: LiveRecorder; worker: string }[] = [];

  beforeAll(async () => {
    database = await createDatabase('pourline_workers');
    api = await startApi({
      DATABASE_URL: databaseUrl(database),
      REDIS_URL,
      WORKERS: '2',
      JWT_SECRET: 'workers-secret-shared-by-both-workers-0123456789',
      ADMIN_PASSWORD,
      DEMO: 'false',
      TRACKER_AUTH: 'optional',
    });
    await untilWorkersAnswer(api.baseUrl, 2);
    token = (await login('admin', ADMIN_PASSWORD, api.baseUrl)).token!;
  }, 240_000);

  afterAll(async () => {
    for (const { console } of consoles) console.close();
    await api?.stop();
    if (database) await dropDatabase(database);
  }, 60_000);

  it('refuses long polling, which a second worker could not continue', async () => {
    const response = await fetch(`${api.baseUrl}/socket.io/?EIO=4&transport=polling`);
    expect(response.status).toBe(400);
  });

  it('brings every console each truck’s fixes once and in order, whichever worker took them', async () => {
    const admin = await login('admin', ADMIN_PASSWORD, api.baseUrl);
    const plant = await createPlant(admin);
    const trucks = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const deviceId = newDeviceId();
        const truck = await expectCreated(
          admin.post('/trucks', {
            fleetNumber: unique('T'),
            plateNumber: unique('SU-W'),
            capacityM3: 12,
            homePlantId: plant.id,
            trackerDeviceId: deviceId,
          }),
        );
        return { id: truck.id as string, deviceId };
      }),
    );

    // Connections are handed out in turn: a few consoles land on both workers.
    while (new Set(consoles.map((item) => item.worker)).size < 2 && consoles.length < 8) {
      consoles.push(await consoleWithWorker(api.baseUrl, token));
    }
    expect(new Set(consoles.map((item) => item.worker))).toEqual(new Set(['1', '2']));

    // Three rounds, each truck a fix a second later than its last, sent as fast as they are answered.
    const start = Math.floor(Date.now() / 1000) - 10;
    const sent: { truckId: string; positionSeq: number; worker: string }[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (const [index, truck] of trucks.entries()) {
        const answer = await sendFixAlone(api.baseUrl, {
          id: truck.deviceId,
          lat: String(31.9 + 0.001 * round + 0.01 * index),
          lon: '118.8',
          timestamp: String(start + round),
        });
        sent.push({ truckId: truck.id, ...answer });
      }
    }
    const finals = trucks.map((truck) => sent.filter((item) => item.truckId === truck.id).at(-1)!);
    // The last fixes alone came through both workers.
    expect(new Set(finals.map((item) => item.worker))).toEqual(new Set(['1', '2']));

    for (const { console, worker } of consoles) {
      for (const final of finals) {
        const received = await waitFor(
          `truck ${final.truckId}'s last fix (taken by worker ${final.worker}) at a console on worker ${worker}`,
          () => {
            const seqs = console.positionsOf(final.truckId).map((position: LatestPositionDto) => position.positionSeq);
            return seqs.includes(final.positionSeq) ? seqs : undefined;
          },
          10_000,
          25,
        );
        const ofTruck = sent.filter((item) => item.truckId === final.truckId).map((item) => item.positionSeq);
        // Fixes may be merged into a later one of the same truck, never repeated, reordered or invented.
        expect(received.every((seq) => ofTruck.includes(seq))).toBe(true);
        expect(received).toEqual([...new Set(received)].sort((a, b) => a - b));
        expect(received.at(-1)).toBe(final.positionSeq);
      }
    }
  });
});

describe('A worker that dies', () => {
  let database: string;
  let api: RunningApi;

  beforeAll(async () => {
    database = await createDatabase('pourline_workers_replaced');
    api = await startApi({
      DATABASE_URL: databaseUrl(database),
      REDIS_URL,
      WORKERS: '2',
      JWT_SECRET: 'workers-secret-for-a-replaced-worker-0123456789',
      DEMO: 'false',
    });
    await untilWorkersAnswer(api.baseUrl, 2);
  }, 240_000);

  afterAll(async () => {
    await api?.stop();
    if (database) await dropDatabase(database);
  }, 60_000);

  it('is replaced by a new one while the port keeps answering, and a stop ends them all', async () => {
    const primary = api.process.pid!;
    const workerPids = () =>
      readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    const [first, second] = workerPids();
    expect(second).toBeDefined();
    process.kill(first, 'SIGKILL');
    // Connections held by the dead worker are reset; a new one is served by the other.
    await untilWorkersAnswer(api.baseUrl, 1, 5_000);
    await waitFor(
      'a worker in place of the one that died',
      () => workerPids().length === 2 && !workerPids().includes(first),
      120_000,
      250,
    );
    await untilWorkersAnswer(api.baseUrl, 2);

    const running = workerPids();
    await api.stop();
    expect(api.process.exitCode).toBe(0);
    for (const pid of running) expect(() => process.kill(pid, 0)).toThrow();
  }, 300_000);
});

describe('Workers asked for without Redis', () => {
  let database: string;
  let api: RunningApi;

  beforeAll(async () => {
    database = await createDatabase('pourline_workers_alone');
    api = await startApi({
      DATABASE_URL: databaseUrl(database),
      REDIS_URL: '',
      WORKERS: '2',
      JWT_SECRET: 'workers-secret-for-a-single-worker-0123456789',
      DEMO: 'false',
    });
  }, 240_000);

  afterAll(async () => {
    await api?.stop();
    if (database) await dropDatabase(database);
  }, 60_000);

  it('runs one worker and says why', async () => {
    expect(api.output()).toContain('one API worker, not 2: REDIS_URL is not set');
    const health = await fetch(`${api.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get(WORKER_HEADER)).toBeNull();
  });
});
