import { seededRandom } from '@pourline/domain';
import { type DayPour, type DayScenario, plannedTravelMinutes } from './day-scenario';

/**
 * A day played minute by minute: trucks batch at plants (one batch start per
 * 60 / loads-per-hour minutes), drive, queue at the pump, discharge at the
 * site's real rate, and return to their home plant. A dispatch policy decides
 * each minute which idle truck loads for which pour. A load whose discharge
 * could not end within its age limit is rejected on site, like any other.
 */
export interface Dispatch {
  truckId: string;
  pourId: string;
  plantId: string;
  volumeM3: number;
}

export interface DispatchPolicy {
  readonly name: string;
  decide(day: DayState, nowMinute: number): Dispatch[];
}

export type LoadPhase =
  'to_plant' | 'waiting_slot' | 'en_route' | 'queued' | 'discharging' | 'delivered' | 'returning_with_load' | 'lost';

export interface SimLoad {
  id: string;
  pourId: string;
  truckId: string;
  plantId: string;
  volumeM3: number;
  phase: LoadPhase;
  dispatchedMinute: number;
  atPlantMinute: number;
  batchMinute?: number;
  departMinute?: number;
  arriveMinute?: number;
  /** What dispatch expects: departure plus the planned travel time. */
  expectedArriveMinute?: number;
  dischargeStartMinute?: number;
  dischargeEndMinute?: number;
  rejectedFor?: 'site_test' | 'age';
  /** When the truck is (or will be) free at a plant again, or broke down. */
  returnedMinute?: number;
}

export interface SimTruck {
  id: string;
  capacityM3: number;
  homePlantId: string;
  /** Where it is idle or will be when back; a broken truck takes no loads. */
  plantId: string;
  freeFromMinute: number;
  load: SimLoad | null;
  broken: boolean;
}

export interface SimPour {
  pour: DayPour;
  deliveredM3: number;
  /** The rate dispatch knows: planned, until the site says otherwise. */
  knownRateM3PerHour: number;
  actualRateM3PerHour: number;
  arrivals: number;
  lastDepartMinute: number | null;
  lastDischargeEndMinute: number | null;
  pumpFreeMinute: number;
  discharges: { start: number; end: number }[];
}

export interface DayState {
  scenario: DayScenario;
  trucks: SimTruck[];
  pours: SimPour[];
  loads: SimLoad[];
  lastBatchAt: Map<string, number>;
  /** Bumped by every event dispatch should react to at once: a rejection, a breakdown, a rate change. */
  disturbanceCount: number;
  /** Planned minutes along the road between two plants or sites. */
  travel: (fromId: string, toId: string) => number;
  /** Loaded legs driven so far, as actual over planned minutes: what dispatch learns of the roads. */
  observedTravelRatios: number[];
}

/** Loads on their way or at the site, which will still deliver. */
export function inTransitM3(day: DayState, pourId: string): number {
  return day.loads
    .filter(
      (load) =>
        load.pourId === pourId &&
        ['to_plant', 'waiting_slot', 'en_route', 'queued', 'discharging'].includes(load.phase),
    )
    .reduce((sum, load) => sum + load.volumeM3, 0);
}

export function stillNeededM3(day: DayState, pour: SimPour): number {
  return Math.max(0, pour.pour.volumeM3 - pour.deliveredM3 - inTransitM3(day, pour.pour.id));
}

const DISPOSAL_MINUTES = 15;
const DAY_END_MINUTE = 36 * 60;

export function newDay(scenario: DayScenario): DayState {
  const places = new Map<string, { x: number; y: number }>([
    ...scenario.plants.map((plant) => [plant.id, plant] as const),
    ...scenario.pours.map((pour) => [pour.id, pour] as const),
  ]);
  return {
    scenario,
    trucks: scenario.trucks.map((truck) => ({
      id: truck.id,
      capacityM3: truck.capacityM3,
      homePlantId: truck.homePlantId,
      plantId: truck.homePlantId,
      freeFromMinute: truck.shiftStartMinute,
      load: null,
      broken: false,
    })),
    pours: scenario.pours.map((pour) => ({
      pour,
      deliveredM3: 0,
      knownRateM3PerHour: pour.pourRateM3PerHour,
      actualRateM3PerHour:
        pour.pourRateM3PerHour *
        (pour.id === scenario.disturbances.slowSite.pourId ? scenario.disturbances.slowSite.rateFactor : 1),
      arrivals: 0,
      lastDepartMinute: null,
      lastDischargeEndMinute: null,
      pumpFreeMinute: -Infinity,
      discharges: [],
    })),
    loads: [],
    lastBatchAt: new Map(),
    disturbanceCount: 0,
    travel: (fromId, toId) => plannedTravelMinutes(scenario, places.get(fromId)!, places.get(toId)!),
    observedTravelRatios: [],
  };
}

/** Plays the day to its end under the policy and returns the final state. */
export function playDay(scenario: DayScenario, policy: DispatchPolicy): DayState {
  const day = newDay(scenario);
  // The same legs of the road are as slow in every run: noise keyed by truck and leg count.
  const legNoise = new Map<string, () => number>();
  const actual = (truckId: string, minutes: number) => {
    let noise = legNoise.get(truckId);
    if (!noise) {
      const random = seededRandom(scenario.seed * 7919 + Number(truckId.replace(/\D/g, '')));
      noise = () => random.fraction();
      legNoise.set(truckId, noise);
    }
    const { min, max } = scenario.disturbances.travelFactor;
    return minutes * (min + noise() * (max - min));
  };
  const trucksById = new Map(day.trucks.map((truck) => [truck.id, truck]));
  const poursById = new Map(day.pours.map((pour) => [pour.pour.id, pour]));
  const plantsById = new Map(scenario.plants.map((plant) => [plant.id, plant]));
  const { rejection, breakdown } = scenario.disturbances;

  const finishLoad = (load: SimLoad, atMinute: number, from: string) => {
    const truck = trucksById.get(load.truckId)!;
    truck.load = null;
    truck.plantId = truck.homePlantId;
    truck.freeFromMinute = atMinute + actual(truck.id, day.travel(from, truck.homePlantId));
    load.returnedMinute = truck.freeFromMinute;
  };

  for (let now = 0; now <= DAY_END_MINUTE; now++) {
    const breaking = trucksById.get(breakdown.truckId)!;
    if (now >= breakdown.atMinute && !breaking.broken) {
      breaking.broken = true;
      day.disturbanceCount += 1;
      const load = breaking.load;
      if (load && load.phase !== 'discharging') {
        load.phase = 'lost';
        load.returnedMinute = now;
        breaking.load = null;
      }
    }
    const step = () => {
      for (const load of [...day.loads].sort((a, b) => (a.arriveMinute ?? Infinity) - (b.arriveMinute ?? Infinity))) {
        const pour = poursById.get(load.pourId)!;
        const plant = plantsById.get(load.plantId)!;
        if (load.phase === 'to_plant' && now >= load.atPlantMinute) load.phase = 'waiting_slot';
        if (load.phase === 'waiting_slot') {
          const last = day.lastBatchAt.get(plant.id) ?? -Infinity;
          if (now - last < 60 / plant.loadsPerHour - 1e-9) continue;
          day.lastBatchAt.set(plant.id, now);
          load.batchMinute = now;
          load.departMinute = now + plant.loadingMinutes;
          const planned = day.travel(plant.id, pour.pour.id);
          load.expectedArriveMinute = load.departMinute + planned;
          load.arriveMinute = load.departMinute + actual(load.truckId, planned);
          load.phase = 'en_route';
          pour.lastDepartMinute = load.departMinute;
        }
        if (load.phase === 'en_route' && now >= load.arriveMinute!) {
          day.observedTravelRatios.push(
            (load.arriveMinute! - load.departMinute!) / (load.expectedArriveMinute! - load.departMinute!),
          );
          const arrivalIndex = pour.arrivals++;
          if (pour.pour.id === rejection.pourId && arrivalIndex === rejection.arrivalIndex) {
            load.phase = 'returning_with_load';
            load.rejectedFor = 'site_test';
            day.disturbanceCount += 1;
            finishLoad(load, load.arriveMinute! + pour.pour.siteSetupMinutes + DISPOSAL_MINUTES, pour.pour.id);
            continue;
          }
          load.phase = 'queued';
        }
        if (load.phase === 'queued') {
          const start = Math.max(load.arriveMinute! + pour.pour.siteSetupMinutes, pour.pumpFreeMinute);
          if (start > now) continue;
          const end = start + (load.volumeM3 / pour.actualRateM3PerHour) * 60;
          if (end > load.batchMinute! + pour.pour.maxAgeMinutes + 1e-9) {
            load.phase = 'returning_with_load';
            load.rejectedFor = 'age';
            finishLoad(load, start + DISPOSAL_MINUTES, pour.pour.id);
            continue;
          }
          load.dischargeStartMinute = start;
          load.dischargeEndMinute = end;
          pour.pumpFreeMinute = end;
          load.phase = 'discharging';
        }
        if (load.phase === 'discharging' && now >= load.dischargeEndMinute!) {
          load.phase = 'delivered';
          pour.deliveredM3 += load.volumeM3;
          pour.lastDischargeEndMinute = load.dischargeEndMinute!;
          pour.discharges.push({ start: load.dischargeStartMinute!, end: load.dischargeEndMinute! });
          // The slow site says so once its first load is in.
          if (pour.discharges.length === 1 && pour.knownRateM3PerHour !== pour.actualRateM3PerHour) {
            pour.knownRateM3PerHour = pour.actualRateM3PerHour;
            day.disturbanceCount += 1;
          }
          finishLoad(load, load.dischargeEndMinute!, pour.pour.id);
        }
      }
    };
    step();
    for (const dispatch of policy.decide(day, now)) {
      const truck = trucksById.get(dispatch.truckId)!;
      if (truck.broken || truck.load || truck.freeFromMinute > now + 1e-9) continue;
      const load: SimLoad = {
        id: `L${day.loads.length + 1}`,
        pourId: dispatch.pourId,
        truckId: truck.id,
        plantId: dispatch.plantId,
        volumeM3: dispatch.volumeM3,
        phase: 'to_plant',
        dispatchedMinute: now,
        atPlantMinute:
          now +
          (truck.plantId === dispatch.plantId ? 0 : actual(truck.id, day.travel(truck.plantId, dispatch.plantId))),
      };
      truck.load = load;
      day.loads.push(load);
    }
    step();
    const busy = day.loads.some((load) =>
      ['to_plant', 'waiting_slot', 'en_route', 'queued', 'discharging'].includes(load.phase),
    );
    if (!busy && day.pours.every((pour) => pour.deliveredM3 >= pour.pour.volumeM3 - 1e-9) && now > 0) break;
  }
  return day;
}
