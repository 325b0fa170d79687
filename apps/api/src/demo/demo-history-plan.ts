/**
 * When the demo starts, part of its day has already happened: the early pour
 * is finished and the pours under way have had trucks since the morning. This
 * plans those truck cycles so they can be recorded through the same services
 * as live ones: continuous at the pour rate, every step in the past, one load
 * at a time per truck, and every load discharged well inside its deadline.
 */

/** What the plan needs to know of a pour. */
export interface HistoryPour {
  scheduledStart: Date;
  volumeM3: number;
  pourRateM3PerHour: number;
  /** Plant to site along the entry route, and back along the exit route. */
  travelMinutes: number;
  returnMinutes: number;
}

export interface HistoryTruck {
  id: string;
  capacityM3: number;
}

/** One truck cycle, each step's time in order. */
export interface PlannedLoad {
  truckId: string;
  volumeM3: number;
  ticketedAt: Date;
  batchedAt: Date;
  sentToQcAt: Date;
  /** A first plant test that fails, and the re-test after the adjustment, when the load was held. */
  failedPlantTestAt: Date | null;
  plantTestAt: Date;
  departedAt: Date;
  arrivedAt: Date;
  siteTestAt: Date;
  dischargeStartAt: Date;
  dischargeEndAt: Date;
  leftSiteAt: Date;
  backAtPlantAt: Date;
}

/** Minutes of the work around the road, as the demo fleet simulator also takes them. */
export const CYCLE_MINUTES = {
  ticketBeforeBatch: 10,
  loading: 5,
  plantTest: 3,
  ticketHandover: 2,
  /** Adjusting a held load before its re-test. */
  adjustment: 7,
  siteTest: 3,
  /** From the site test to the hopper: the truck backs up to the pump. */
  toPump: 4,
  washOut: 10,
} as const;

/** The last truck is back at the plant at least this long before the demo starts. */
const SETTLED_BEFORE_NOW_MIN = 3;
const MINUTE_MS = 60_000;

export interface HistoryOptions {
  /** Which loads (by index) failed their first plant test and were held for an adjustment. */
  heldAtPlant?: readonly number[];
}

/**
 * Loads that deliver at least `deliverM3` (never more than the pour's volume)
 * from its scheduled start, moved earlier as a whole when the last truck would
 * not be back before `now`. `truckFreeAt` (truck id → ms) says when each truck
 * of the plant is free; it is updated, so pours planned one after the other
 * share the fleet.
 */
export function planHistory(
  pour: HistoryPour,
  trucks: readonly HistoryTruck[],
  deliverM3: number,
  now: Date,
  truckFreeAt: Map<string, number>,
  options: HistoryOptions = {},
): PlannedLoad[] {
  if (trucks.length === 0) throw new RangeError('the plant has no trucks to plan loads with');
  if (!(pour.pourRateM3PerHour > 0)) throw new RangeError('the pour rate must be positive');
  const target = Math.min(deliverM3, pour.volumeM3);
  const held = new Set(options.heldAtPlant ?? []);
  // First the discharges, back to back at the pour rate, with the change of truck between them.
  const discharges: { volumeM3: number; startMin: number; endMin: number; held: boolean }[] = [];
  let deliveredM3 = 0;
  let atMin = 0;
  const usual = usualCapacityM3(trucks);
  for (let index = 0; deliveredM3 < target - 1e-9; index++) {
    const volumeM3 = roundVolume(Math.min(usual, pour.volumeM3 - deliveredM3));
    const minutes = (volumeM3 / pour.pourRateM3PerHour) * 60;
    discharges.push({ volumeM3, startMin: atMin, endMin: atMin + minutes, held: held.has(index) });
    deliveredM3 += volumeM3;
    atMin += minutes + truckChangeMinutes(index);
  }
  if (discharges.length === 0) return [];

  const last = discharges[discharges.length - 1];
  const lastBackMin = last.endMin + CYCLE_MINUTES.washOut + pour.returnMinutes;
  const latestStartMs = now.getTime() - (lastBackMin + SETTLED_BEFORE_NOW_MIN) * MINUTE_MS;
  const startMs = Math.min(pour.scheduledStart.getTime(), latestStartMs);
  const at = (minutes: number) => new Date(startMs + Math.round(minutes * MINUTE_MS));

  return discharges.map((discharge) => {
    const beforePumpMin = CYCLE_MINUTES.siteTest + CYCLE_MINUTES.toPump;
    const arriveMin = discharge.startMin - beforePumpMin;
    const departMin = arriveMin - pour.travelMinutes;
    const plantTestMin = departMin - CYCLE_MINUTES.ticketHandover;
    const failedTestMin = discharge.held ? plantTestMin - CYCLE_MINUTES.adjustment : null;
    const sentToQcMin = (failedTestMin ?? plantTestMin) - CYCLE_MINUTES.plantTest;
    const batchMin = sentToQcMin - CYCLE_MINUTES.loading;
    const ticketMin = batchMin - CYCLE_MINUTES.ticketBeforeBatch;
    const leftSiteMin = discharge.endMin + CYCLE_MINUTES.washOut;
    const backMin = leftSiteMin + pour.returnMinutes;
    const truck = pickTruck(trucks, discharge.volumeM3, startMs + ticketMin * MINUTE_MS, truckFreeAt);
    truckFreeAt.set(truck.id, startMs + backMin * MINUTE_MS);
    return {
      truckId: truck.id,
      volumeM3: discharge.volumeM3,
      ticketedAt: at(ticketMin),
      batchedAt: at(batchMin),
      sentToQcAt: at(sentToQcMin),
      failedPlantTestAt: failedTestMin === null ? null : at(failedTestMin),
      plantTestAt: at(plantTestMin),
      departedAt: at(departMin),
      arrivedAt: at(arriveMin),
      siteTestAt: at(arriveMin + CYCLE_MINUTES.siteTest),
      dischargeStartAt: at(discharge.startMin),
      dischargeEndAt: at(discharge.endMin),
      leftSiteAt: at(leftSiteMin),
      backAtPlantAt: at(backMin),
    };
  });
}

/**
 * How much of a pour under way has been delivered by `now`: its rate since the
 * scheduled start, a little slower as real pours are, at least a sixth of it
 * (it is under way) and at most three fifths (there is work left to watch).
 */
export function deliveredByNowM3(pour: HistoryPour, now: Date): number {
  const hours = Math.max(0, (now.getTime() - pour.scheduledStart.getTime()) / 3_600_000);
  const byRate = pour.pourRateM3PerHour * hours * 0.85;
  return Math.min(pour.volumeM3 * 0.6, Math.max(pour.volumeM3 / 6, byRate));
}

/** The truck that has been free longest among those free by `neededAtMs`, or else the one free soonest. */
function pickTruck(
  trucks: readonly HistoryTruck[],
  volumeM3: number,
  neededAtMs: number,
  freeAt: Map<string, number>,
): HistoryTruck {
  const fitting = trucks.filter((truck) => truck.capacityM3 >= volumeM3 - 1e-9);
  const free = (truck: HistoryTruck) => freeAt.get(truck.id) ?? -Infinity;
  const ready = fitting.filter((truck) => free(truck) <= neededAtMs);
  const pool = ready.length > 0 ? ready : fitting;
  return pool.reduce((best, truck) => (free(truck) < free(best) ? truck : best));
}

/** The drum size most of the fleet has: loads are planned at it, so most trucks can take any of them. */
function usualCapacityM3(trucks: readonly HistoryTruck[]): number {
  const counts = new Map<number, number>();
  for (const truck of trucks) counts.set(truck.capacityM3, (counts.get(truck.capacityM3) ?? 0) + 1);
  return [...counts].sort(([sizeA, countA], [sizeB, countB]) => countB - countA || sizeB - sizeA)[0][0];
}

/** Two to four minutes between one truck pulling away from the hopper and the next backing up. */
function truckChangeMinutes(index: number): number {
  return 2 + (index % 3);
}

function roundVolume(m3: number): number {
  return Math.round(m3 * 10) / 10;
}
