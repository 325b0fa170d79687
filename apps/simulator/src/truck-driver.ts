import type { LatLng } from '@pourline/contracts';
import { randomBetween, type SimClock } from './clock';
import type { Log } from './log';
import type { Fix, OsmAndReporter } from './osmand-reporter';
import { RouteWalker } from './route-walker';
import type { SimulationStats } from './simulation-stats';

export interface DriverContext {
  reporter: OsmAndReporter;
  clock: SimClock;
  reportIntervalMs: number;
  log: Log;
  stats: SimulationStats;
}

const MIN_ROAD_KMH = 25;
const MAX_ROAD_KMH = 45;
/** In the yard and on site a mixer creeps. */
const MANOEUVRE_KMH = 12;
const MANOEUVRE_ZONE_M = 150;

/** A mixer truck or a truck-mounted pump, known to the API by its tracker. */
export interface TrackedVehicle {
  label: string;
  trackerDeviceId: string | null;
}

/**
 * The truck and its tracker: where it is, driving a path at road speed in
 * simulated time, and reporting each fix through OsmAnd as a real tracker does
 * (often while moving, now and then while standing).
 */
export class TruckDriver {
  private fix: Fix;
  private unknownTrackerLogged = false;
  /** Extra OsmAnd fields sent with every fix, e.g. a pump controller's `pumpStatus`. */
  fields: Record<string, string> = {};

  constructor(
    readonly vehicle: TrackedVehicle,
    position: LatLng,
    private readonly context: DriverContext,
  ) {
    this.fix = { ...position, speedKmh: 0, bearingDeg: 0 };
  }

  get position(): LatLng {
    return { lat: this.fix.lat, lng: this.fix.lng };
  }

  /** How often a standing truck reports: a tracker saves data when nothing moves. */
  private get standingIntervalMs(): number {
    return Math.max(this.context.reportIntervalMs * 5, 5_000);
  }

  async report(): Promise<void> {
    const deviceId = this.vehicle.trackerDeviceId;
    if (!deviceId) return;
    const { reporter, stats, log } = this.context;
    let result = await reporter.report(deviceId, this.fix, undefined, this.fields);
    if (result.status === 503) {
      // The server asks to send it again later; once is enough, a fresher fix follows soon.
      await this.context.clock.sleepReal(1_000);
      result = await reporter.report(deviceId, this.fix, undefined, this.fields);
    }
    if (result.status === 200) {
      stats.positionsSent++;
      return;
    }
    stats.positionsRefused++;
    if (result.status === 404 && !this.unknownTrackerLogged) {
      this.unknownTrackerLogged = true;
      log(`${this.vehicle.label}: tracker ${deviceId} is not registered (404); its positions are refused`);
    }
  }

  /** Stand still for `simSeconds` of simulated time (but at least `minRealMs`), reporting now and then. */
  async standFor(simSeconds: number, minRealMs = 0): Promise<void> {
    this.fix = { ...this.fix, speedKmh: 0 };
    const until = Date.now() + Math.max(this.context.clock.realMs(simSeconds), minRealMs);
    while (Date.now() < until) {
      await this.context.clock.sleepReal(Math.min(this.standingIntervalMs, until - Date.now()));
      await this.report();
    }
  }

  /** Stand still until `done` settles, reporting now and then. */
  async standUntil<T>(done: Promise<T>): Promise<T> {
    this.fix = { ...this.fix, speedKmh: 0 };
    let settled = false;
    const watched = done.finally(() => {
      settled = true;
    });
    // Stopping mid-wait must not leave a rejection nobody handles.
    watched.catch(() => undefined);
    while (!settled) {
      await Promise.race([watched.catch(() => undefined), this.context.clock.sleepReal(this.standingIntervalMs)]);
      if (!settled) await this.report();
    }
    return watched;
  }

  /** Put the truck somewhere without driving there: where a resumed load's truck was last seen. */
  moveTo(position: LatLng): void {
    this.fix = { ...position, speedKmh: 0, bearingDeg: this.fix.bearingDeg };
  }

  async placeAt(position: LatLng): Promise<void> {
    this.moveTo(position);
    await this.report();
  }

  /**
   * Drive from where the truck is along `path` to its end at road speed
   * (25–45 km/h with a little noise, slow near both ends), one fix per report
   * interval; `onFix` sees every position reported.
   */
  async drive(path: readonly LatLng[], onFix?: (position: LatLng) => void): Promise<void> {
    const walker = new RouteWalker([this.position, ...path]);
    const cruiseKmh = randomBetween(MIN_ROAD_KMH, MAX_ROAD_KMH);
    const { clock, reportIntervalMs } = this.context;
    let alongM = 0;
    let last = Date.now();
    while (alongM < walker.lengthM) {
      await clock.sleepReal(reportIntervalMs);
      const now = Date.now();
      const nearEnds = Math.min(alongM, walker.lengthM - alongM) < MANOEUVRE_ZONE_M;
      const speedKmh = nearEnds
        ? MANOEUVRE_KMH + randomBetween(-2, 2)
        : Math.min(MAX_ROAD_KMH + 5, Math.max(MIN_ROAD_KMH - 5, cruiseKmh + randomBetween(-4, 4)));
      alongM += (speedKmh / 3.6) * clock.simSeconds(now - last);
      last = now;
      const point = walker.at(alongM);
      const arrived = alongM >= walker.lengthM;
      this.fix = { lat: point.lat, lng: point.lng, bearingDeg: point.bearingDeg, speedKmh: arrived ? 0 : speedKmh };
      await this.report();
      onFix?.(this.position);
    }
  }
}
