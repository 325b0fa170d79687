import { setMaxListeners } from 'node:events';
import {
  type CurrentUser,
  DEMO_FLEET_ACCOUNT,
  type LatestPositionDto,
  type LatLng,
  type MixDto,
  type Page,
  type PlantDto,
  type PourDto,
  type PumpDto,
  type TruckDto,
} from '@pourline/contracts';
import { BENCH_DEVICE_PREFIX } from './bench-stream';
import { ApiClient, backoffMs, isApiError, issuedByAdministrator, type TokenSource, waitForApi } from './api-client';
import { isStopped, SimClock, sleep } from './clock';
import { DispatcherAgent, type TruckPool } from './dispatcher-agent';
import { offsetM } from './geo';
import { consoleLog, describeError, type Log } from './log';
import { DEFAULT_OPTIONS } from './options';
import { OsmAndReporter } from './osmand-reporter';
import { PumpController } from './pump-controller';
import { PumpQueue } from './pump-queue';
import { emptyStats, formatStats, type SimulationStats } from './simulation-stats';
import { TruckAgent, type TruckAgentContext } from './truck-agent';

export interface DemoSimulationOptions {
  /** API origin without /api, e.g. http://localhost:3000. */
  baseUrl: string;
  timeScale?: number;
  reportIntervalMs?: number;
  failRate?: number;
  /** Most trucks to drive; all demo trucks when absent. */
  trucks?: number | null;
  /**
   * Access tokens of the demo fleet's system account, which has no password:
   * the API that runs the simulator in-process issues them itself. Without
   * it, an administrator's account (below) asks the API for them.
   */
  accessToken?: () => Promise<string>;
  adminUsername?: string;
  adminPassword?: string;
  log?: Log;
}

export interface DemoSimulation {
  /** Live counters of what the run has done. */
  readonly stats: SimulationStats;
  /** Stops every truck and dispatcher and resolves once they have all let go. */
  stop(): Promise<void>;
}

const DISPATCH_TICK_MS = 2_000;
const POUR_REFRESH_MS = 15_000;
/** A ready pour gets its first truck this many simulated minutes before its start, to arrive on time. */
const FIRST_TRUCK_LEAD_MIN = 45;

/**
 * Runs the demo fleet against a Pourline API through its public interfaces
 * only. Never throws and never exits the process: API errors are logged and
 * retried, so the API can run it in-process in demo mode.
 */
export function startDemoSimulation(options: DemoSimulationOptions): DemoSimulation {
  const controller = new AbortController();
  // Every truck waits on this one signal at once.
  setMaxListeners(0, controller.signal);
  const stats = emptyStats();
  const log = options.log ?? consoleLog;
  const running = runDemo(options, controller.signal, stats, log).catch((error: unknown) => {
    if (!isStopped(error)) log(`simulation ended: ${describeError(error)}`);
  });
  return {
    stats,
    async stop() {
      controller.abort();
      await running;
    },
  };
}

async function runDemo(options: DemoSimulationOptions, signal: AbortSignal, stats: SimulationStats, log: Log) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const clock = new SimClock(options.timeScale ?? DEFAULT_OPTIONS.timeScale, signal);
  await waitForApi(baseUrl, signal, log);
  const api = new ApiClient(baseUrl, fleetTokens(baseUrl, options, signal), signal);
  const me = await retrying(signal, log, 'signing in', () => api.get<CurrentUser>('/auth/me'));
  const [plants, trucks, pumpList, mixes] = await retrying(signal, log, 'reading plants, trucks, pumps and mixes', () =>
    Promise.all([
      api.get<PlantDto[]>('/plants'),
      api.get<TruckDto[]>('/trucks'),
      api.get<PumpDto[]>('/pumps'),
      api.get<MixDto[]>('/mixes').catch((error: unknown) => {
        if (isApiError(error, 403)) return [] as MixDto[];
        throw error;
      }),
    ]),
  );
  const pumps = new PumpQueue();
  const context: TruckAgentContext = {
    api,
    pumps,
    clock,
    stats,
    log,
    reporter: new OsmAndReporter(baseUrl, signal),
    reportIntervalMs: options.reportIntervalMs ?? DEFAULT_OPTIONS.reportIntervalMs,
    failRate: options.failRate ?? DEFAULT_OPTIONS.failRate,
    mixes: new Map(mixes.map((mix) => [mix.id, mix])),
  };
  const agents = buildFleet(plants, trucks, options.trucks ?? null, context);
  const controllers = buildPumps(plants, pumpList, context);
  await placeWhereLastSeen(api, agents, controllers, log);
  log(
    `driving ${agents.length} trucks and ${controllers.length} pumps at ×${clock.timeScale} time from ` +
      `${plants.length} plants as ${me.displayName} (${me.username}) ` +
      `(fixes every ${context.reportIntervalMs} ms, slump fail rate ${context.failRate})`,
  );
  const pool = poolOf(agents);
  const running = [...agents.map((agent) => agent.run()), ...controllers.map((controller) => controller.run())];
  try {
    const plantById = new Map(plants.map((plant) => [plant.id, plant]));
    await dispatchLoop({ api, plants: plantById, clock, pool, pumps, log, stats }, controllers);
  } catch (error) {
    if (!isStopped(error)) throw error;
  } finally {
    await Promise.allSettled(running);
    log(`simulation stopped: ${formatStats(stats)}`);
  }
}

/** The demo fleet acts as its own system account; never as one of the demo's people. */
function fleetTokens(baseUrl: string, options: DemoSimulationOptions, signal: AbortSignal): TokenSource {
  const username = DEMO_FLEET_ACCOUNT.username;
  if (options.accessToken) return { username, issue: options.accessToken };
  const admin = {
    username: options.adminUsername ?? DEFAULT_OPTIONS.adminUsername,
    password: options.adminPassword ?? DEFAULT_OPTIONS.adminPassword,
  };
  return issuedByAdministrator(baseUrl, admin, username, signal);
}

function buildFleet(
  plants: readonly PlantDto[],
  trucks: readonly TruckDto[],
  limit: number | null,
  context: TruckAgentContext,
): TruckAgent[] {
  const plantById = new Map(plants.map((plant) => [plant.id, plant]));
  const usable = trucks
    .filter((truck) => truck.active && truck.trackerDeviceId && plantById.has(truck.homePlantId))
    // Synthetic benchmark trucks only stream positions; they never take a load.
    .filter((truck) => !truck.trackerDeviceId!.startsWith(BENCH_DEVICE_PREFIX))
    .sort((a, b) => a.fleetNumber.localeCompare(b.fleetNumber, 'en', { numeric: true }));
  const chosen = takeAcrossPlants(usable, limit ?? usable.length);
  const parked = new Map<string, number>();
  return chosen.map((truck) => {
    const plant = plantById.get(truck.homePlantId)!;
    const index = parked.get(plant.id) ?? 0;
    parked.set(plant.id, index + 1);
    return new TruckAgent(truck, plant, yardSpot(plant.location, index), context);
  });
}

/** Pumps with a tracker, each with its home beside its plant's yard. */
function buildPumps(plants: readonly PlantDto[], pumps: readonly PumpDto[], context: TruckAgentContext) {
  const plantById = new Map(plants.map((plant) => [plant.id, plant]));
  return pumps
    .filter((pump) => pump.active && pump.trackerDeviceId && plantById.has(pump.homePlantId))
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    .map((pump, index) => {
      const home = offsetM(plantById.get(pump.homePlantId)!.location, 45, (index % 4) * 14 - 21);
      return new PumpController(pump, home, context);
    });
}

/** Trucks out on a load, and pumps, carry on from where the API last saw them when an earlier run stopped. */
async function placeWhereLastSeen(
  api: ApiClient,
  agents: readonly TruckAgent[],
  controllers: readonly PumpController[],
  log: Log,
): Promise<void> {
  try {
    const positions = await api.get<LatestPositionDto[]>('/tracking/positions');
    const byTruck = new Map(agents.map((agent) => [agent.truck.id, agent]));
    const byPump = new Map(controllers.map((controller) => [controller.pump.id, controller]));
    for (const position of positions) {
      const seen = { lat: position.lat, lng: position.lng };
      const agent = position.entityType === 'truck' ? byTruck.get(position.entityId) : undefined;
      if (agent) agent.lastKnownPosition = seen;
      const controller = position.entityType === 'pump' ? byPump.get(position.entityId) : undefined;
      if (controller) controller.lastKnownPosition = seen;
    }
  } catch (error) {
    if (isStopped(error)) throw error;
    log(`last positions unknown (${describeError(error)}); resumed loads start at their route's beginning`);
  }
}

/** With fewer trucks than the fleet, every plant still gets its share: T01, T13, T02, T14 … */
function takeAcrossPlants(trucks: readonly TruckDto[], count: number): TruckDto[] {
  const byPlant = new Map<string, TruckDto[]>();
  for (const truck of trucks) byPlant.set(truck.homePlantId, [...(byPlant.get(truck.homePlantId) ?? []), truck]);
  const queues = [...byPlant.values()];
  const chosen: TruckDto[] = [];
  for (let round = 0; chosen.length < count && queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) if (round < queue.length && chosen.length < count) chosen.push(queue[round]);
  }
  return chosen;
}

/** Trucks park in rows of four, 12 m apart, around the middle of the yard. */
function yardSpot(centre: LatLng, index: number): LatLng {
  const column = (index % 4) - 1.5;
  const row = (Math.floor(index / 4) % 4) - 1.5;
  return offsetM(centre, column * 12, row * 12);
}

function poolOf(agents: readonly TruckAgent[]): TruckPool {
  const byPlant = new Map<string, TruckAgent[]>();
  for (const agent of agents) byPlant.set(agent.plant.id, [...(byPlant.get(agent.plant.id) ?? []), agent]);
  const byTruck = new Map(agents.map((agent) => [agent.truck.id, agent]));
  return {
    ofPlant: (plantId) => byPlant.get(plantId) ?? [],
    byTruckId: (truckId) => byTruck.get(truckId),
  };
}

async function dispatchLoop(
  context: ConstructorParameters<typeof DispatcherAgent>[1],
  controllers: readonly PumpController[],
): Promise<void> {
  const { api, clock, log, stats } = context;
  const dispatchers = new Map<string, DispatcherAgent>();
  let refreshedAt = 0;
  while (!clock.stopped) {
    try {
      if (Date.now() - refreshedAt >= POUR_REFRESH_MS) {
        const [pours, auto] = await Promise.all([activePours(api), autoPourIds(api)]);
        refreshedAt = Date.now();
        for (const pour of pours) {
          const known = dispatchers.get(pour.id);
          if (known) known.update(pour);
          else {
            dispatchers.set(pour.id, new DispatcherAgent(pour, context));
            log(
              `dispatching to ${pour.projectName}, ${pour.structuralElement}: ${pour.volumeM3} m³ at ${pour.pourRateM3PerHour} m³/h, up to ${pour.truckCount} trucks`,
            );
          }
        }
        for (const [id, dispatcher] of dispatchers) dispatcher.setAuto(auto.has(id));
        const current = new Set(pours.map((pour) => pour.id));
        for (const id of dispatchers.keys()) if (!current.has(id)) dispatchers.delete(id);
      }
      // One pour after the other: two pours never grab the same free truck.
      for (const [id, dispatcher] of dispatchers) {
        try {
          if ((await dispatcher.tick()) === 'completed') dispatchers.delete(id);
        } catch (error) {
          if (isStopped(error)) throw error;
          stats.apiErrors++;
          log(`dispatch for pour ${dispatcher.pourId}: ${describeError(error)}`);
        }
      }
      tellPumps(controllers, [...dispatchers.values()]);
    } catch (error) {
      if (isStopped(error)) throw error;
      stats.apiErrors++;
      log(`dispatch: ${describeError(error)}`);
    }
    await clock.sleepReal(DISPATCH_TICK_MS);
  }
}

/** Each pump serves the pour it is planned on that is under way, or else the next one about to start. */
function tellPumps(controllers: readonly PumpController[], dispatchers: readonly DispatcherAgent[]): void {
  for (const controller of controllers) {
    const serving = dispatchers
      .filter((dispatcher) => dispatcher.current.pumpId === controller.pump.id)
      .sort(
        (a, b) =>
          Number(b.current.status === 'in_progress') - Number(a.current.status === 'in_progress') ||
          a.current.scheduledStart.localeCompare(b.current.scheduledStart),
      )[0];
    controller.serve(serving?.current ?? null, serving?.loads ?? []);
  }
}

/** Pours under way, and ready pours whose first truck should be leaving about now. */
async function activePours(api: ApiClient): Promise<PourDto[]> {
  const list = (status: string) => api.get<Page<PourDto>>(`/pours?status=${status}&pageSize=200`);
  const [inProgress, ready] = await Promise.all([list('in_progress'), list('ready')]);
  // Real minutes: the API's clock is the wall clock, whatever the simulator's time scale.
  const leadMs = FIRST_TRUCK_LEAD_MIN * 60_000;
  const dueReady = ready.items.filter((pour) => Date.parse(pour.scheduledStart) - leadMs <= Date.now());
  return [...inProgress.items, ...dueReady];
}

/** Pours on the auto switch: the API orders their loads, the fleet only drives them. */
async function autoPourIds(api: ApiClient): Promise<Set<string>> {
  try {
    return new Set((await api.get<{ pourIds: string[] }>('/dispatch/auto-pours')).pourIds);
  } catch (error) {
    // An older API without the auto switch: the fleet orders every pour's loads itself.
    if (isApiError(error, 404)) return new Set();
    throw error;
  }
}

async function retrying<T>(signal: AbortSignal, log: Log, what: string, task: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (isStopped(error) || signal.aborted) throw error;
      log(`${what} failed: ${describeError(error)}; retrying`);
      await sleep(backoffMs(Math.min(attempt, 6)), signal);
    }
  }
}
