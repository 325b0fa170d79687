import type { LatLng, Page, PlantDto, PourDto, TruckDto } from '@pourline/contracts';
import { ApiClient, isApiError } from './api-client';
import { randomBetween, sleep } from './clock';
import { offsetM, lineStringPoints } from './geo';
import { consoleLog, describeError, type Log } from './log';
import { type Fix, OsmAndReporter } from './osmand-reporter';
import { RouteWalker } from './route-walker';

export const BENCH_DEVICE_PREFIX = 'bench-';

export interface StreamOptions {
  /** API origin without /api. */
  baseUrl: string;
  /** Synthetic trucks, reporting as bench-0001 … */
  trucks: number;
  /** Real milliseconds between two fixes of one truck (default 1000). */
  reportIntervalMs?: number;
  /** Real seconds to stream; until `signal` aborts when absent. */
  durationS?: number | null;
  /** Most requests in flight at once (default 64). */
  concurrency?: number;
  /** Simulated seconds per real second for movement along the routes (default 10). */
  timeScale?: number;
  /** Demo password of `dispatcher`, to read the pours' routes; random walks near Nanjing without it. */
  password?: string | null;
  signal?: AbortSignal;
  log?: Log;
}

export interface LatencySummaryMs {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface StreamStats {
  durationS: number;
  trucks: number;
  /** Requests answered or failed. */
  sent: number;
  ok: number;
  /** 4xx other than 404: the request itself was refused. */
  clientErrors: number;
  /** 404: the tracker is not registered. */
  unknownDevice: number;
  /** 503: the server asks devices to send again later. */
  unavailable: number;
  serverErrors: number;
  /** No HTTP answer at all (connection refused, timeout). */
  networkErrors: number;
  /** Fixes not sent because the truck's previous one was still waiting or in flight. */
  late: number;
  /** Answered requests per second over the run. */
  ratePerS: number;
  latencyMs: LatencySummaryMs;
}

export function benchDeviceId(index: number, prefix = BENCH_DEVICE_PREFIX): string {
  return `${prefix}${String(index + 1).padStart(4, '0')}`;
}

const RESERVOIR_SIZE = 200_000;
const PROGRESS_EVERY_MS = 10_000;
const NANJING: LatLng = { lat: 31.93, lng: 118.84 };

/** A truck that only exists to report: along a demo route, or wandering around Jiangning. */
interface SyntheticTruck {
  deviceId: string;
  busy: boolean;
  next(realMsSinceLast: number): Fix;
}

/**
 * Streams positions of `trucks` synthetic trucks to the OsmAnd ingest, each every
 * `reportIntervalMs`, with at most `concurrency` requests in flight, and counts
 * the answers and their latency. Never exits the process; safe to import.
 */
export async function runStream(options: StreamOptions): Promise<StreamStats> {
  const log = options.log ?? consoleLog;
  const intervalMs = options.reportIntervalMs ?? 1000;
  const concurrency = options.concurrency ?? 64;
  const timeScale = options.timeScale ?? 10;
  const signal = options.signal ?? new AbortController().signal;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if (!(options.trucks >= 1)) throw new RangeError('trucks must be at least 1');

  const routes = await demoRoutes(baseUrl, options.password === undefined ? 'pourline' : options.password, signal);
  log(
    `streaming ${options.trucks} trucks every ${intervalMs} ms to ${baseUrl} (concurrency ${concurrency}, ` +
      `${routes.length ? `${routes.length} demo routes` : 'random walks near Nanjing'})`,
  );
  const trucks = Array.from({ length: options.trucks }, (_, index) =>
    routes.length
      ? routeTruck(benchDeviceId(index), routes[index % routes.length], timeScale)
      : wanderingTruck(benchDeviceId(index), timeScale),
  );

  const reporter = new OsmAndReporter(baseUrl);
  const counts = {
    sent: 0,
    ok: 0,
    clientErrors: 0,
    unknownDevice: 0,
    unavailable: 0,
    serverErrors: 0,
    networkErrors: 0,
    late: 0,
  };
  const latencies = new Reservoir(RESERVOIR_SIZE);
  const backlog: SyntheticTruck[] = [];
  const lastFixAt = new Map<string, number>();
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const send = (truck: SyntheticTruck): void => {
    inFlight++;
    const now = Date.now();
    const fix = truck.next(now - (lastFixAt.get(truck.deviceId) ?? now));
    lastFixAt.set(truck.deviceId, now);
    void reporter.report(truck.deviceId, fix).then((result) => {
      counts.sent++;
      if (result.status === 0) counts.networkErrors++;
      else latencies.add(result.latencyMs);
      if (result.status >= 200 && result.status < 300) counts.ok++;
      else if (result.status === 404) counts.unknownDevice++;
      else if (result.status === 503) counts.unavailable++;
      else if (result.status >= 500) counts.serverErrors++;
      else if (result.status >= 400) counts.clientErrors++;
      truck.busy = false;
      inFlight--;
      const next = backlog.shift();
      if (next) send(next);
      else if (inFlight === 0) drained?.();
    });
  };

  const started = Date.now();
  const endsAt = options.durationS ? started + options.durationS * 1000 : Infinity;
  let progressAt = started + PROGRESS_EVERY_MS;
  let round = 0;
  let index = 0;
  let sinceYield = 0;
  try {
    while (!signal.aborted) {
      const dueAt = started + round * intervalMs + (index / trucks.length) * intervalMs;
      if (dueAt >= endsAt) break;
      const wait = dueAt - Date.now();
      if (wait > 2) await sleep(wait, signal);
      else if (++sinceYield >= 100) {
        // Behind schedule: still let answers in, or nothing would ever complete.
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const truck = trucks[index];
      if (truck.busy) counts.late++;
      else {
        truck.busy = true;
        if (inFlight < concurrency) send(truck);
        else backlog.push(truck);
      }
      if (++index === trucks.length) {
        index = 0;
        round++;
      }
      if (Date.now() >= progressAt) {
        progressAt += PROGRESS_EVERY_MS;
        const seconds = (Date.now() - started) / 1000;
        log(
          `${seconds.toFixed(0)} s: ${counts.sent} answered (${(counts.sent / seconds).toFixed(0)}/s), ` +
            `ok ${counts.ok}, 503 ${counts.unavailable}, 4xx ${counts.clientErrors + counts.unknownDevice}, ` +
            `late ${counts.late}, p95 ${latencies.percentile(0.95).toFixed(1)} ms`,
        );
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
  // Fixes not yet sent are dropped; the ones in flight are waited for and counted.
  backlog.length = 0;
  if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
  const durationS = (Date.now() - started) / 1000;
  return {
    durationS,
    trucks: trucks.length,
    ...counts,
    ratePerS: durationS > 0 ? counts.sent / durationS : 0,
    latencyMs: latencies.summary(),
  };
}

export function formatStreamStats(stats: StreamStats): string {
  const l = stats.latencyMs;
  return (
    `${stats.trucks} trucks, ${stats.durationS.toFixed(1)} s: ${stats.sent} answered (${stats.ratePerS.toFixed(1)}/s); ` +
    `200 ${stats.ok}, 404 ${stats.unknownDevice}, other 4xx ${stats.clientErrors}, 503 ${stats.unavailable}, ` +
    `5xx ${stats.serverErrors}, no answer ${stats.networkErrors}, late ${stats.late}; latency ms ` +
    `mean ${l.mean.toFixed(1)} p50 ${l.p50.toFixed(1)} p95 ${l.p95.toFixed(1)} p99 ${l.p99.toFixed(1)} max ${l.max.toFixed(1)}`
  );
}

export interface RegisterBenchTrucksOptions {
  baseUrl: string;
  count: number;
  adminUsername?: string;
  adminPassword?: string;
  signal?: AbortSignal;
  log?: Log;
}

/** Creates trucks carrying trackers bench-0001 … through the admin API; ones that exist are skipped. */
export async function registerBenchTrucks(
  options: RegisterBenchTrucksOptions,
): Promise<{ created: number; existing: number }> {
  const log = options.log ?? consoleLog;
  const signal = options.signal ?? new AbortController().signal;
  const admin = new ApiClient(
    options.baseUrl.replace(/\/+$/, ''),
    { username: options.adminUsername ?? 'admin', password: options.adminPassword ?? 'pourline' },
    signal,
  );
  const [plants, trucks] = await Promise.all([admin.get<PlantDto[]>('/plants'), admin.get<TruckDto[]>('/trucks')]);
  if (plants.length === 0) throw new Error("no plant to be the bench trucks' home");
  const known = new Set(trucks.map((truck) => truck.trackerDeviceId));
  const missing = Array.from({ length: options.count }, (_, index) => index).filter(
    (index) => !known.has(benchDeviceId(index)),
  );
  let created = 0;
  let existing = options.count - missing.length;
  const worker = async () => {
    for (let index = missing.shift(); index !== undefined; index = missing.shift()) {
      const number = String(index + 1).padStart(4, '0');
      try {
        await admin.post('/trucks', {
          fleetNumber: `B${number}`,
          plateNumber: `BENCH-${number}`,
          capacityM3: 12,
          trackerDeviceId: benchDeviceId(index),
          homePlantId: plants[index % plants.length].id,
          driverName: 'Bench',
          active: true,
        });
        created++;
      } catch (error) {
        if (!isApiError(error, 409)) throw error;
        existing++;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  log(`bench trucks: ${created} created, ${existing} already registered`);
  return { created, existing };
}

async function demoRoutes(baseUrl: string, password: string | null, signal: AbortSignal): Promise<RouteWalker[]> {
  if (!password) return [];
  try {
    const dispatcher = new ApiClient(baseUrl, { username: 'dispatcher', password }, signal);
    const pours = await dispatcher.get<Page<PourDto>>('/pours?pageSize=200');
    const seen = new Set<string>();
    const routes: RouteWalker[] = [];
    for (const pour of pours.items) {
      const key = JSON.stringify([pour.entryRoute.coordinates, pour.exitRoute.coordinates]);
      if (seen.has(key)) continue;
      seen.add(key);
      // Out on the entry route, home on the exit route: a closed loop to drive round and round.
      routes.push(new RouteWalker([...lineStringPoints(pour.entryRoute), ...lineStringPoints(pour.exitRoute)]));
    }
    return routes;
  } catch (error) {
    if (signal.aborted) throw error;
    consoleLog(`no demo routes (${describeError(error)}); random walks instead`);
    return [];
  }
}

function routeTruck(deviceId: string, route: RouteWalker, timeScale: number): SyntheticTruck {
  let alongM = Math.random() * route.lengthM;
  const cruiseKmh = randomBetween(25, 45);
  return {
    deviceId,
    busy: false,
    next(realMs) {
      const speedKmh = cruiseKmh + randomBetween(-4, 4);
      alongM = (alongM + ((speedKmh / 3.6) * realMs * timeScale) / 1000) % route.lengthM;
      const point = route.at(alongM);
      return { lat: point.lat, lng: point.lng, bearingDeg: point.bearingDeg, speedKmh };
    },
  };
}

function wanderingTruck(deviceId: string, timeScale: number): SyntheticTruck {
  let here = offsetM(NANJING, randomBetween(-8000, 8000), randomBetween(-8000, 8000));
  let headingDeg = randomBetween(0, 360);
  return {
    deviceId,
    busy: false,
    next(realMs) {
      const speedKmh = randomBetween(25, 45);
      const stepM = ((speedKmh / 3.6) * realMs * timeScale) / 1000;
      headingDeg = (headingDeg + randomBetween(-20, 20) + 360) % 360;
      // Drift back towards the city when wandering off.
      if (Math.abs(here.lat - NANJING.lat) > 0.1 || Math.abs(here.lng - NANJING.lng) > 0.1)
        headingDeg = (headingDeg + 180) % 360;
      const rad = (headingDeg * Math.PI) / 180;
      here = offsetM(here, stepM * Math.sin(rad), stepM * Math.cos(rad));
      return { ...here, bearingDeg: headingDeg, speedKmh };
    },
  };
}

/** A uniform sample of all latencies (Algorithm R), so a long run keeps bounded memory. */
class Reservoir {
  private readonly values: number[] = [];
  private seen = 0;
  private sum = 0;
  private max = 0;

  constructor(private readonly size: number) {}

  add(value: number): void {
    this.seen++;
    this.sum += value;
    this.max = Math.max(this.max, value);
    if (this.values.length < this.size) this.values.push(value);
    else {
      const slot = Math.floor(Math.random() * this.seen);
      if (slot < this.size) this.values[slot] = value;
    }
  }

  percentile(p: number): number {
    if (this.values.length === 0) return 0;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }

  summary(): LatencySummaryMs {
    if (this.values.length === 0) return { mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
    const sorted = [...this.values].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return { mean: this.sum / this.seen, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: this.max };
  }
}
