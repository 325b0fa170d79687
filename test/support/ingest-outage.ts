import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type RunningApi, startApi } from './api-process';
import { ControlledPostgres } from './embedded-postgres';
import { square, unique } from './factories';
import { ingest, newDeviceId, queryUrl, sendFix, sleep } from './live-support';

const ADMIN_PASSWORD = 'restart-admin-password';
const DATABASE = 'pourline_restart';
const IN_FLIGHT = 20;
const MAX_REQUESTS = 200_000;

interface Outcome {
  fixMs: number;
  status: number;
  positionId?: string;
  sentAt: number;
  answeredAt: number;
}

/**
 * Trackers stream fixes while the API's PostgreSQL stops for `outageMs` and starts again: every
 * acknowledged fix is stored, nothing is acknowledged while it is down (503: resend), and ingest
 * comes back on its own in the same API process.
 */
export function describeIngestOutage(outageMs: number): void {
  describe(`Ingest across a PostgreSQL outage of ${outageMs / 1000} s`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pourline-pg-restart-'));
    let postgres: ControlledPostgres | undefined;
    let port: number;
    let api: RunningApi | undefined;

    const query = <T = any>(sql: string, params: unknown[] = []) =>
      queryUrl<T>(`postgres://pourline:pourline@127.0.0.1:${port}/${DATABASE}`, sql, params);

    beforeAll(async () => {
      chmodSync(dataDir, 0o755);
      port = await freePort();
      postgres = new ControlledPostgres(join(dataDir, 'postgres'), port, DATABASE);
      await postgres.start();
      api = await startApi({
        DATABASE_URL: `postgres://pourline:pourline@127.0.0.1:${port}/${DATABASE}`,
        DEMO: 'false',
        ADMIN_PASSWORD,
        JWT_SECRET: 'restart-secret-long-enough-for-hs256-0123456789',
        REDIS_URL: '',
      });
    }, 180_000);

    afterAll(async () => {
      await api?.stop();
      await postgres?.exit();
      rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    it(
      'loses no acknowledged position, answers 503 while it is down, and recovers without an API restart',
      async () => {
        const base = api!.baseUrl;
        const call = async (method: string, path: string, body: unknown, token?: string) => {
          const response = await fetch(`${base}/api${path}`, {
            method,
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify(body),
          });
          return { status: response.status, body: (await response.json()) as any };
        };
        const login = await call('POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
        const token = login.body.accessToken;
        const plant = await call(
          'POST',
          '/plants',
          {
            code: unique('P'),
            name: 'Restart plant',
            address: 'Road 1',
            location: { lat: 31.9, lng: 118.8 },
            geofence: square(31.9, 118.8),
            timeZone: 'Asia/Shanghai',
            slumpStandard: 'gb_t_14902',
          },
          token,
        );
        const deviceId = newDeviceId();
        const truck = await call(
          'POST',
          '/trucks',
          {
            fleetNumber: unique('T'),
            plateNumber: unique('SU-A'),
            capacityM3: 12,
            homePlantId: plant.body.id,
            trackerDeviceId: deviceId,
          },
          token,
        );
        expect(truck.status).toBe(201);
        await sendFix(deviceId, { lat: 31.9, lng: 118.8, at: new Date(Date.now() - 3_600_000) }, base);
        const apiPid = api!.process.pid;

        // A stream of fixes, 20 in flight, each with its own fix time.
        const outcomes: Outcome[] = [];
        const firstFixMs = Date.now() - 1_800_000;
        let sent = 0;
        let streaming = true;
        const streamUntil = Date.now() + outageMs + 60_000;
        const worker = async () => {
          while (streaming && sent < MAX_REQUESTS && Date.now() < streamUntil) {
            const fixMs = firstFixMs + sent++;
            const sentAt = Date.now();
            const answer = await ingest
              .osmandForm({ id: deviceId, lat: '31.91', lon: '118.81', timestamp: String(fixMs), speed: '10' }, base)
              .catch(() => ({ status: 0, body: undefined }));
            outcomes.push({
              fixMs,
              status: answer.status,
              positionId: answer.body?.positionId,
              sentAt,
              answeredAt: Date.now(),
            });
            if (answer.status !== 200) await sleep(20); // a tracker backs off a little before resending
          }
        };
        const workers = Array.from({ length: IN_FLIGHT }, worker);

        await sleep(1_500);
        const stopping = Date.now();
        await postgres!.stop();
        const stopped = Date.now();
        await sleep(outageMs); // the outage itself: PostgreSQL stays down this long
        const starting = Date.now();
        await postgres!.start();
        const started = Date.now();
        // Keep streaming until ingest has clearly recovered, within the bound.
        const recoverBy = Date.now() + 20_000;
        while (Date.now() < recoverBy && outcomes.filter((o) => o.status === 200 && o.sentAt > started).length < 200) {
          await sleep(100);
        }
        streaming = false;
        await Promise.all(workers);

        const acknowledged = outcomes.filter((o) => o.status === 200);
        const before = acknowledged.filter((o) => o.answeredAt < stopping);
        const during = outcomes.filter((o) => o.sentAt > stopped && o.answeredAt < starting);
        const after = acknowledged.filter((o) => o.sentAt > started);
        const statuses = [...new Set(outcomes.map((o) => o.status))].sort();

        expect(before.length).toBeGreaterThan(50);
        // While the database is down nothing is acknowledged: the tracker is told to keep it and resend.
        expect(during.length).toBeGreaterThan(0);
        expect(during.filter((o) => o.status === 200)).toEqual([]);
        expect(outcomes.filter((o) => o.status === 503).length).toBeGreaterThan(0);
        expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
        // Ingest came back on its own, with the same API process.
        expect(after.length).toBeGreaterThanOrEqual(200);
        expect(api!.process.exitCode).toBeNull();
        expect(api!.process.pid).toBe(apiPid);

        // Every acknowledged fix is in the positions table, under the id it was acknowledged with.
        const rows = await query<{ id: string; fix_ms: string }>(
          `SELECT id::text, (extract(epoch FROM fix_time) * 1000)::bigint::text AS fix_ms FROM positions WHERE device_id = $1`,
          [deviceId],
        );
        const stored = new Map(rows.map((row) => [row.id, Number(row.fix_ms)]));
        const missing = acknowledged.filter((o) => stored.get(String(o.positionId)) !== o.fixMs);
        expect(missing).toEqual([]);
        const firstAfter = Math.min(...after.map((o) => o.answeredAt)) - started;
        process.stdout.write(
          `\nPostgreSQL down ${outageMs / 1000} s under ingest: ${acknowledged.length} fixes acknowledged, ` +
            `${outcomes.filter((o) => o.status === 503).length} answered 503 while it was down, ` +
            `first acknowledged ${firstAfter} ms after it was back, ${missing.length} lost, API not restarted\n`,
        );
        expect(new Set(acknowledged.map((o) => String(o.positionId))).size).toBe(acknowledged.length);
      },
      outageMs + 150_000,
    );
  });
}
