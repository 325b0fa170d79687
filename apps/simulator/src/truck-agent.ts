import type { LatLng, LoadDto, MixDto, PlantDto, PourDto, QcTestDto, TruckDto } from '@pourline/contracts';
import { AT_PLANT_STATUSES, type LoadStatus } from '@pourline/domain';
import { type ApiClient, isApiError } from './api-client';
import { isStopped } from './clock';
import { confirmByHand, expectFenceStep, type FenceFallbackContext, type HandTarget } from './fence-fallback';
import { distanceM, lineStringPoints } from './geo';
import { describeError } from './log';
import type { PumpQueue } from './pump-queue';
import { sampleQcTest } from './qc-sampler';
import { type DriverContext, TruckDriver } from './truck-driver';

export interface TruckAgentContext extends DriverContext {
  /** The demo fleet's account: every step and test of the truck's loads is recorded under it. */
  api: ApiClient;
  pumps: PumpQueue;
  failRate: number;
  mixes: ReadonlyMap<string, MixDto>;
}

/** Simulated minutes of the work that is not driving. */
const LOADING_MIN = 5;
const PLANT_QC_MIN = 3;
const ADJUSTMENT_MIN = 5;
const SITE_TEST_MIN = 2;
const WASH_OUT_MIN = 10;
const TICKET_HANDOVER_MIN = 1;

/**
 * The API judges fences from positions it stores in batches and reads loads
 * from a cache about two seconds old: a step done by hand just before driving
 * off, or a fence step just after a crossing, needs a few real seconds.
 */
const SETTLE_REAL_MS = 3_000;
const FENCE_GRACE_MS = 6_000;
/** Far enough from the fence's centre to be well past its edge plus the 40 m exit margin. */
const PLANT_EXIT_CHECK_M = 400;
const SITE_EXIT_CHECK_M = 450;
const MAX_REFUSALS = 4;
const UNDER_WAY_REASON = 'Demo day: the pour is already under way on site';
const BUSY_TRUCK_BENCH_MS = 5 * 60_000;

type Place = 'plant' | 'site' | 'road';

const FINISHED: readonly LoadStatus[] = ['back_at_plant', 'disposed', 'cancelled'];
const AT_SITE: readonly LoadStatus[] = ['on_site', 'discharging', 'discharged', 'rejected'];
/** A resumed truck last seen further than this from the site is put at the site's gate. */
const NEAR_SITE_M = 500;

interface Assignment {
  loadId: string;
  ticketNumber: string;
  pour: PourDto;
  assignedAt: number;
  /** Taken over mid-cycle (an earlier run, a person in the console), not ticketed for this truck now. */
  resumed: boolean;
  washedOut: boolean;
}

/** One truck's cycle, driven by the load's status as the API tells it, so a resumed load carries on. */
export class TruckAgent {
  readonly driver: TruckDriver;
  private assignment: Assignment | null = null;
  private wake: (() => void) | null = null;
  private benchedUntil = 0;
  private place: Place = 'plant';
  private pumpOfPour: string | null = null;
  private readonly pendingChecks = new Set<Promise<void>>();
  /** When the truck last became free: the dispatcher sends the one waiting longest. */
  freeSince = Date.now();
  /** Where the API last saw the truck, for carrying on a load mid-cycle. */
  lastKnownPosition: LatLng | null = null;

  constructor(
    readonly truck: TruckDto,
    readonly plant: PlantDto,
    private readonly yardSpot: LatLng,
    private readonly context: TruckAgentContext,
  ) {
    this.driver = new TruckDriver(
      { label: truck.fleetNumber, trackerDeviceId: truck.trackerDeviceId },
      yardSpot,
      context,
    );
  }

  get available(): boolean {
    return this.assignment === null && Date.now() >= this.benchedUntil;
  }

  get loadId(): string | null {
    return this.assignment?.loadId ?? null;
  }

  get pourId(): string | null {
    return this.assignment?.pour.id ?? null;
  }

  /** `resumed`: the load is already under way, so the truck is put where its status says it is. */
  assign(load: LoadDto, pour: PourDto, resumed = false): boolean {
    if (!this.available) return false;
    this.assignment = {
      loadId: load.id,
      ticketNumber: load.ticketNumber,
      pour,
      assignedAt: Date.now(),
      resumed,
      washedOut: false,
    };
    if (resumed) this.resumeAt(load.status, pour);
    this.wake?.();
    return true;
  }

  private resumeAt(status: LoadStatus, pour: PourDto): void {
    const seen = this.lastKnownPosition;
    if (AT_PLANT_STATUSES.includes(status)) {
      this.place = 'plant';
    } else if (AT_SITE.includes(status)) {
      const centre = this.siteCentre(pour);
      this.place = 'site';
      this.driver.moveTo(seen && distanceM(seen, centre) < NEAR_SITE_M ? seen : centre);
    } else {
      const route = lineStringPoints(status === 'en_route' ? pour.entryRoute : pour.exitRoute);
      this.place = 'road';
      this.driver.moveTo(seen ?? route[0]);
    }
  }

  /** Runs until the simulation stops; never throws. */
  async run(): Promise<void> {
    const { clock, log, stats } = this.context;
    let failures = 0;
    while (!clock.stopped) {
      try {
        if (failures === 0 && this.assignment === null) await this.driver.placeAt(this.driver.position);
        if (this.assignment === null) {
          await this.driver.standUntil(new Promise<void>((resolve) => (this.wake = resolve)));
          this.wake = null;
          continue;
        }
        await this.followLoad(this.assignment);
        failures = 0;
      } catch (error) {
        if (isStopped(error)) break;
        failures++;
        stats.apiErrors++;
        log(`${this.name}: ${describeError(error)}; trying again`);
        try {
          await clock.sleepReal(Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5)));
        } catch {
          break;
        }
      }
    }
    this.wake = null;
    await Promise.allSettled([...this.pendingChecks]);
  }

  private get name(): string {
    const ticket = this.assignment ? ` ${this.assignment.ticketNumber}` : '';
    return `${this.truck.fleetNumber}${ticket}`;
  }

  private get api(): ApiClient {
    return this.context.api;
  }

  /** The pump stays held through transient errors: the truck is still at it. */
  private async followLoad(assignment: Assignment): Promise<void> {
    let refusals = 0;
    for (;;) {
      let load: LoadDto;
      try {
        load = await this.api.get<LoadDto>(`/loads/${assignment.loadId}`);
      } catch (error) {
        if (!isApiError(error, 404)) throw error;
        return this.drop('the load is gone');
      }
      if (load.truckId !== this.truck.id) return this.drop(`the load went to ${load.truckFleetNumber ?? 'no truck'}`);
      if (FINISHED.includes(load.status)) return this.finish(load);
      try {
        await this.step(load, assignment);
        refusals = 0;
      } catch (error) {
        if (isApiError(error, 409) && error.code === 'truck_busy') {
          this.benchedUntil = Date.now() + BUSY_TRUCK_BENCH_MS;
          return this.drop('the truck is out on a load the simulator does not drive');
        }
        if (!isApiError(error, 400, 403, 404, 409, 422)) throw error;
        this.context.stats.apiErrors++;
        if (++refusals >= MAX_REFUSALS) return this.drop(`refused ${refusals} times: ${error.message}`);
        this.context.log(`${this.name}: ${error.message}; looking again`);
        await this.context.clock.sleepReal(2_000);
      }
    }
  }

  private step(load: LoadDto, assignment: Assignment): Promise<void> {
    const { pour } = assignment;
    switch (load.status) {
      case 'scheduled':
        return this.startLoading(load, pour);
      case 'loading':
        return this.driver.standFor(LOADING_MIN * 60).then(() => this.api.post(`/loads/${load.id}/send-to-qc`));
      case 'plant_qc':
        return this.driver.standFor(PLANT_QC_MIN * 60).then(() => this.plantTest(load, pour, this.failsTest()));
      case 'held':
        return this.driver.standFor(ADJUSTMENT_MIN * 60).then(() => this.plantTest(load, pour, false));
      case 'released':
      case 'en_route':
        return this.driveToSite(load, pour);
      case 'on_site':
        return this.workOnSite(load, pour);
      case 'discharging':
        return this.discharge(load, pour);
      case 'discharged':
        return this.washOut(assignment).then(() => this.driveToPlant(load, pour));
      case 'rejected':
      case 'returning':
      case 'returning_with_load':
        return this.driveToPlant(load, pour);
      case 'back_at_plant':
      case 'disposed':
      case 'cancelled':
        return Promise.resolve();
    }
  }

  private async startLoading(load: LoadDto, pour: PourDto): Promise<void> {
    if (this.place !== 'plant') {
      this.place = 'plant';
      await this.driver.placeAt(this.yardSpot);
    }
    // The demo day seeds pours already under way whatever the hour the demo starts; the API
    // asks why their first load starts ahead of plan, and the fleet says so (recorded, as any reason).
    const body = pour.status === 'in_progress' ? { confirm: { earlyStart: UNDER_WAY_REASON } } : {};
    await this.api.post(`/loads/${load.id}/start-loading`, body);
  }

  private failsTest(): boolean {
    return Math.random() < this.context.failRate;
  }

  private async plantTest(load: LoadDto, pour: PourDto, fail: boolean): Promise<void> {
    const body = sampleQcTest(pour, this.context.mixes.get(pour.mixId), 'plant', fail);
    const test = await this.api.post<QcTestDto>(`/loads/${load.id}/qc-tests`, body);
    if (test.outcome === 'held') {
      this.context.stats.plantHolds++;
      this.context.log(`${this.name} held at plant: ${reasonsOf(test)}; adjusting for a re-test`);
    } else if (load.status === 'held') {
      this.context.log(`${this.name} re-tested after adjustment: slump ${test.slumpMm} mm, released`);
    }
  }

  private async driveToSite(load: LoadDto, pour: PourDto): Promise<void> {
    if (this.place === 'site') return this.confirmByHand(load.id, 'on_site');
    const entry = lineStringPoints(pour.entryRoute);
    // The driver takes the ticket and pulls out; the API must know the load is released before the gate.
    if (load.status === 'released') await this.driver.standFor(TICKET_HANDOVER_MIN * 60, SETTLE_REAL_MS);
    let departureChecked = load.status !== 'released';
    const path = this.place === 'road' ? pathAhead(entry, this.driver.position) : entry;
    this.place = 'road';
    await this.driver.drive(path, (position) => {
      if (departureChecked || distanceM(position, this.plant.location) < PLANT_EXIT_CHECK_M) return;
      departureChecked = true;
      this.inBackground(() => this.expectFenceStep(load.id, ['released'], 'en_route'));
    });
    this.place = 'site';
    await this.expectFenceStep(load.id, ['released', 'en_route'], 'on_site');
  }

  private async workOnSite(load: LoadDto, pour: PourDto): Promise<void> {
    this.place = 'site';
    const tests = await this.api.get<QcTestDto[]>(`/loads/${load.id}/qc-tests`);
    const latest = tests
      .filter((test) => test.stage === 'site')
      .sort((a, b) => a.testedAt.localeCompare(b.testedAt))
      .at(-1);
    if (latest?.outcome !== 'accepted') {
      const checkTestOf = latest?.outcome === 'retest_required' ? latest.id : undefined;
      await this.driver.standFor((checkTestOf ? 1 : SITE_TEST_MIN) * 60);
      const body = { ...sampleQcTest(pour, this.context.mixes.get(pour.mixId), 'site', this.failsTest()), checkTestOf };
      const test = await this.api.post<QcTestDto>(`/loads/${load.id}/qc-tests`, body);
      if (test.outcome === 'rejected') {
        this.context.stats.siteRejections++;
        this.context.log(
          `${this.name} rejected on site at ${pour.projectName}: ${reasonsOf(test)}; going back with the load, a replacement is requested`,
        );
        return;
      }
      if (test.outcome === 'retest_required') {
        this.context.log(`${this.name} out of tolerance on site (${reasonsOf(test)}); check test on the same sample`);
        return;
      }
    }
    await this.driver.standUntil(this.context.pumps.acquire(pour.id, this.truck.id));
    this.pumpOfPour = pour.id;
    await this.driver.drive([pour.pumpPosition ?? this.siteCentre(pour)]);
    await this.api.post(`/loads/${load.id}/start-discharge`, {});
  }

  private async discharge(load: LoadDto, pour: PourDto): Promise<void> {
    this.place = 'site';
    if (this.pumpOfPour !== pour.id) {
      await this.driver.standUntil(this.context.pumps.acquire(pour.id, this.truck.id));
      this.pumpOfPour = pour.id;
    }
    await this.driver.standFor((load.volumeM3 / pour.pourRateM3PerHour) * 3600);
    await this.api.post(`/loads/${load.id}/end-discharge`, {});
    this.releasePump();
    this.context.stats.dischargesCompleted++;
    this.context.log(`${this.name} discharged ${load.volumeM3} m³ at ${pour.projectName}`);
  }

  private async washOut(assignment: Assignment): Promise<void> {
    if (assignment.washedOut || this.place !== 'site') return;
    // Off the pump and over to the wash-out bay, so the next truck can back up.
    await this.driver.drive([this.siteCentre(assignment.pour)]);
    await this.driver.standFor(WASH_OUT_MIN * 60, SETTLE_REAL_MS);
    assignment.washedOut = true;
  }

  private async driveToPlant(load: LoadDto, pour: PourDto): Promise<void> {
    this.releasePump();
    if (this.place === 'plant') return this.confirmByHand(load.id, 'back_at_plant');
    const exit = [...lineStringPoints(pour.exitRoute), this.yardSpot];
    const path = this.place === 'road' ? pathAhead(exit, this.driver.position) : exit;
    if (load.status === 'rejected') await this.driver.standFor(TICKET_HANDOVER_MIN * 60, SETTLE_REAL_MS);
    this.place = 'road';
    const siteCentre = this.siteCentre(pour);
    let leavingChecked = load.status !== 'discharged' && load.status !== 'rejected';
    await this.driver.drive(path, (position) => {
      if (leavingChecked || distanceM(position, siteCentre) < SITE_EXIT_CHECK_M) return;
      leavingChecked = true;
      this.inBackground(() => this.expectFenceStep(load.id, ['discharged', 'rejected'], 'returning'));
    });
    this.place = 'plant';
    await this.expectFenceStep(
      load.id,
      ['discharged', 'rejected', 'returning', 'returning_with_load'],
      'back_at_plant',
    );
  }

  private finish(load: LoadDto): void {
    const { stats, log, clock } = this.context;
    const assignment = this.assignment;
    if (load.status === 'back_at_plant' && assignment) {
      stats.cyclesCompleted++;
      const minutes = Math.round(clock.simSeconds(Date.now() - assignment.assignedAt) / 60);
      const how = load.rejected ? 'with the rejected load' : 'empty';
      const took = assignment.resumed ? 'resumed cycle' : `cycle took ${minutes} simulated min`;
      log(`${this.name} back at plant ${how}; ${took}`);
    } else {
      log(`${this.name} is ${load.status}; truck free`);
    }
    this.free();
  }

  private drop(why: string): void {
    this.context.log(`${this.name}: leaving the load (${why})`);
    this.free();
  }

  private free(): void {
    this.releasePump();
    this.assignment = null;
    this.freeSince = Date.now();
  }

  private releasePump(): void {
    if (this.pumpOfPour === null) return;
    this.context.pumps.release(this.pumpOfPour, this.truck.id);
    this.pumpOfPour = null;
  }

  private siteCentre(pour: PourDto): LatLng {
    const entry = lineStringPoints(pour.entryRoute);
    return entry[entry.length - 1];
  }

  /** Gives the fence a few seconds to move the load on; if it has not, a person confirms the step. */
  private expectFenceStep(loadId: string, from: readonly LoadStatus[], to: HandTarget) {
    return expectFenceStep(this.fenceContext(), loadId, from, to, FENCE_GRACE_MS);
  }

  private confirmByHand(loadId: string, to: HandTarget): Promise<void> {
    return confirmByHand(this.fenceContext(), loadId, to);
  }

  private fenceContext(): FenceFallbackContext {
    const { api, clock, stats, log } = this.context;
    return { api, clock, stats, log, truckLabel: this.truck.fleetNumber };
  }

  private inBackground(task: () => Promise<void>): void {
    const running: Promise<void> = task()
      .catch((error: unknown) => {
        if (isStopped(error)) return;
        this.context.stats.apiErrors++;
        this.context.log(`${this.name}: ${describeError(error)}`);
      })
      .finally(() => this.pendingChecks.delete(running));
    this.pendingChecks.add(running);
  }
}

/** The rest of `route` for a truck at `position`: from the nearest vertex, or the next one when already past it. */
export function pathAhead(route: readonly LatLng[], position: LatLng): LatLng[] {
  let nearest = 0;
  route.forEach((point, i) => {
    if (distanceM(point, position) < distanceM(route[nearest], position)) nearest = i;
  });
  const next = route[nearest + 1];
  const pastNearest = next !== undefined && distanceM(position, next) < distanceM(route[nearest], next);
  return route.slice(pastNearest ? nearest + 1 : nearest);
}

function reasonsOf(test: QcTestDto): string {
  return test.reasons.map((reason) => reason.message).join('; ') || `slump ${test.slumpMm} mm`;
}
