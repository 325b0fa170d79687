import type { LoadDto, PlantDto, PourDto, PourLoadsDto } from '@pourline/contracts';
import { loadingOpensAt, planRulesFor, TRUCK_COMMITTED_STATUSES } from '@pourline/domain';
import type { ApiClient } from './api-client';
import type { SimClock } from './clock';
import type { Log } from './log';
import { isPourDelivered, MIN_LOAD_M3 } from './pour-completion';
import type { PumpQueue } from './pump-queue';
import type { SimulationStats } from './simulation-stats';
import type { TruckAgent } from './truck-agent';

export interface TruckPool {
  /** The simulated trucks whose home is this plant. */
  ofPlant(plantId: string): readonly TruckAgent[];
  byTruckId(truckId: string): TruckAgent | undefined;
}

export interface DispatcherContext {
  /** The demo fleet's account: it plays the dispatch room too. */
  api: ApiClient;
  /** For each plant's rules: when a pour's first load may start without a reason. */
  plants: ReadonlyMap<string, PlantDto>;
  clock: SimClock;
  pool: TruckPool;
  pumps: PumpQueue;
  log: Log;
  stats: SimulationStats;
}

/** Loading needs the pour ready or under way. */
const LOADABLE_POURS: readonly string[] = ['ready', 'in_progress'];
/** With this many trucks already waiting for the pump, the next one waits at the plant. */
const MAX_WAITING_AT_PUMP = 2;

/**
 * The dispatch room for one pour: sends loads at the pour's rhythm (a truck's
 * load ÷ the pour rate), never more than the planned number of trucks at once,
 * puts a truck on every replacement load, stops when nothing is left to order,
 * and completes the pour once its volume is in.
 */
export class DispatcherAgent {
  private lastDispatchAt = 0;
  private fullyOrdered = false;
  private waitingToOpen = false;
  private latestLoads: readonly LoadDto[] = [];
  private auto = false;

  constructor(
    private pour: PourDto,
    private readonly context: DispatcherContext,
  ) {}

  get pourId(): string {
    return this.pour.id;
  }

  update(pour: PourDto): void {
    this.pour = pour;
  }

  /** On the auto switch the API orders the pour's loads itself; the fleet only drives them. */
  setAuto(auto: boolean): void {
    if (auto !== this.auto) this.context.log(`${this.label}: ${auto ? 'on' : 'off'} the auto switch`);
    this.auto = auto;
  }

  get current(): PourDto {
    return this.pour;
  }

  /** The pour's loads as the last tick saw them. */
  get loads(): readonly LoadDto[] {
    return this.latestLoads;
  }

  private get label(): string {
    return `${this.pour.projectName} (${this.pour.structuralElement})`;
  }

  /** One look at the pour; answers 'completed' once it has completed the pour. */
  async tick(): Promise<'completed' | undefined> {
    const { api } = this.context;
    const { loads, volumes } = await api.get<PourLoadsDto>(`/pours/${this.pour.id}/loads`);
    this.latestLoads = loads;
    if (this.pour.status === 'in_progress' && isPourDelivered(volumes, loads))
      return this.complete(volumes.deliveredM3);
    await this.manReplacements(loads);
    await this.resumeOrReassign(loads);
    if (!LOADABLE_POURS.includes(this.pour.status)) return;
    if (volumes.unorderedM3 < MIN_LOAD_M3) {
      if (!this.fullyOrdered) this.context.log(`${this.label}: all ${this.pour.volumeM3} m³ ordered; no more loads`);
      this.fullyOrdered = true;
      return;
    }
    this.fullyOrdered = false;
    if (this.auto) return;
    const firstLoad = !loads.some((load) => load.batchedAt !== null);
    if (this.pour.status === 'ready' && firstLoad && this.tooEarlyToStart()) return;
    await this.sendNextLoad(loads, volumes.unorderedM3);
  }

  /**
   * A dispatcher does not start a ready pour hours before it is planned: the
   * API would ask why, and the simulated fleet has no reason to give. It waits.
   */
  private tooEarlyToStart(): boolean {
    const plant = this.context.plants.get(this.pour.plantId);
    const { maxMinutesLoadingBeforeStart } = planRulesFor(plant?.ruleOverrides);
    const opensAt = loadingOpensAt(new Date(this.pour.scheduledStart), maxMinutesLoadingBeforeStart);
    const early = Date.now() < opensAt.getTime();
    if (early && !this.waitingToOpen)
      this.context.log(`${this.label}: first load waits until ${opensAt.toISOString()}`);
    this.waitingToOpen = early;
    return early;
  }

  private async complete(deliveredM3: number): Promise<'completed'> {
    this.pour = await this.context.api.post<PourDto>(`/pours/${this.pour.id}/status`, { status: 'completed' });
    this.context.stats.poursCompleted++;
    this.context.log(`${this.label}: all ${deliveredM3} m³ delivered; pour completed`);
    return 'completed';
  }

  /** A rejected load's replacement is created without a truck, at the head of the queue. */
  private async manReplacements(loads: readonly LoadDto[]): Promise<void> {
    const waiting = loads
      .filter((load) => load.status === 'scheduled' && load.truckId === null)
      .sort((a, b) => a.queuePosition - b.queuePosition);
    for (const load of waiting) {
      const agent = this.pickTruck(load.volumeM3);
      if (!agent) return;
      const assigned = await this.context.api.patch<LoadDto>(`/loads/${load.id}/truck`, {
        truckId: agent.truck.id,
      });
      agent.assign(assigned, this.pour);
      this.context.stats.replacementsAssigned++;
      const what = load.replacesLoadId ? 'replacement load' : 'load';
      this.context.log(`${agent.truck.fleetNumber} ${load.ticketNumber}: takes the ${what} for ${this.label}`);
    }
  }

  /**
   * Loads with a truck that the simulator is not driving: left mid-cycle by an
   * earlier run, or ticketed by a person in the console.
   */
  private async resumeOrReassign(loads: readonly LoadDto[]): Promise<void> {
    for (const load of loads) {
      if (!load.truckId || !TRUCK_COMMITTED_STATUSES.includes(load.status)) continue;
      const agent = this.context.pool.byTruckId(load.truckId);
      if (!agent || agent.loadId === load.id) continue;
      if (agent.available) {
        agent.assign(load, this.pour, true);
        this.context.log(`${agent.truck.fleetNumber} ${load.ticketNumber}: carrying on from ${load.status}`);
      } else if (load.status === 'scheduled') {
        const other = this.pickTruck(load.volumeM3);
        if (!other) continue;
        const moved = await this.context.api.patch<LoadDto>(`/loads/${load.id}/truck`, {
          truckId: other.truck.id,
        });
        other.assign(moved, this.pour);
        this.context.log(
          `${other.truck.fleetNumber} ${load.ticketNumber}: takes over from busy ${agent.truck.fleetNumber}`,
        );
      }
    }
  }

  private async sendNextLoad(loads: readonly LoadDto[], unorderedM3: number): Promise<void> {
    const { clock, pumps, api } = this.context;
    const out = loads.filter((load) => load.truckId !== null && TRUCK_COMMITTED_STATUSES.includes(load.status)).length;
    if (out >= this.pour.truckCount) return;
    if (pumps.queueLength(this.pour.id) >= MAX_WAITING_AT_PUMP) return;
    const agent = this.pickTruck(0);
    if (!agent) return;
    const intervalMs = clock.realMs((agent.truck.capacityM3 / this.pour.pourRateM3PerHour) * 3600);
    if (Date.now() - this.lastDispatchAt < intervalMs) return;
    const volumeM3 = Math.min(agent.truck.capacityM3, Math.floor(unorderedM3 * 10) / 10);
    const load = await api.post<LoadDto>(`/pours/${this.pour.id}/loads`, {
      truckId: agent.truck.id,
      volumeM3,
    });
    this.lastDispatchAt = Date.now();
    agent.assign(load, this.pour);
    this.context.stats.loadsCreated++;
    this.context.log(
      `${agent.truck.fleetNumber} ${load.ticketNumber}: ${volumeM3} m³ ${load.mixCode} for ${this.label}, ` +
        `${Math.max(0, unorderedM3 - volumeM3).toFixed(1)} m³ still to order`,
    );
  }

  /** The truck of this pour's plant that has waited longest, with room for `volumeM3`. */
  private pickTruck(volumeM3: number): TruckAgent | undefined {
    return this.context.pool
      .ofPlant(this.pour.plantId)
      .filter((agent) => agent.available && agent.truck.capacityM3 >= volumeM3)
      .sort((a, b) => a.freeSince - b.freeSince)[0];
  }
}
