import {
  type ArrivalAtPump,
  DEFAULT_PLANT_LOADING_MINUTES,
  dischargeDeadline,
  estimateArrival,
  type LearnedTravelTime,
  type LoadStatus,
  pourRhythm,
  type PourRhythm,
  type RateRequestKind,
  type SchedulerInput,
  type SchedulerLoadInProgress,
  type SchedulerTruck,
} from '@pourline/domain';
import type { TruckEntity } from '../fleet/truck.entity';
import type { LoadEntity } from '../loads/load.entity';
import type { PourEntity } from '../pours/pour.entity';
import type { LoadMoments, TruckFixRow } from './dispatch.repository';
import type { PourDispatchSettingEntity } from './pour-dispatch-setting.entity';

export const PLANT_LOADING_MINUTES = DEFAULT_PLANT_LOADING_MINUTES;
/** A truck out on a pour the planner does not plan is taken to be back in this long. */
const UNPLANNED_TRUCK_BACK_MINUTES = 60;
/** Iterations of the planner's search per re-plan: enough for a day's pours on a small server. */
const SEARCH_ITERATIONS = 40;

const MS_PER_MINUTE = 60_000;
const toMinute = (date: Date) => date.getTime() / MS_PER_MINUTE;

const PLACED: readonly LoadStatus[] = ['discharged', 'returning', 'back_at_plant'];
const DONE_OR_FAILED: readonly LoadStatus[] = [...PLACED, 'disposed', 'cancelled', 'rejected', 'returning_with_load'];
/** Loads on their way to the pump, or that will be. */
const COMING: readonly LoadStatus[] = ['scheduled', 'loading', 'plant_qc', 'released', 'en_route', 'on_site'];

/** Everything about one pour the planner and the rhythm read. */
export interface PourState {
  pour: PourEntity;
  loads: LoadEntity[];
  moments: Map<string, LoadMoments>;
  requests: { kind: RateRequestKind; at: Date }[];
  setting: PourDispatchSettingEntity | undefined;
  travel: LearnedTravelTime;
}

export interface DispatchPicture {
  now: Date;
  pours: PourState[];
  trucks: TruckEntity[];
  /** Unfinished loads of those trucks, whichever pour. */
  truckLoads: LoadEntity[];
  fixes: Map<string, TruckFixRow>;
  /** More trucks than this waiting at a pump is bunching, unless the pour sets its own limit. */
  bunchingMaxWaiting: number;
}

/** The pour's own bunching limit, or the deployment's. */
export function bunchingLimitOf(state: PourState, picture: DispatchPicture): number {
  return state.setting?.bunchingMaxWaiting ?? picture.bunchingMaxWaiting;
}

const live = (load: LoadEntity) => !load.rejected && !DONE_OR_FAILED.includes(load.status);

export function placedM3(state: PourState): number {
  return state.loads
    .filter((load) => !load.rejected && PLACED.includes(load.status))
    .reduce((sum, load) => sum + load.volumeM3, 0);
}

/** Volume no ticket covers yet: planned less placed, less every load still coming. */
export function unticketedM3(state: PourState): number {
  const coming = state.loads.filter(live).reduce((sum, load) => sum + load.volumeM3, 0);
  return Math.max(0, state.pour.volumeM3 - placedM3(state) - coming);
}

/** The largest truck of each plant, worked out once per list of trucks: a re-plan asks per pour, twice. */
const largestTruckMemo = new WeakMap<readonly TruckEntity[], Map<string, number>>();

export function typicalLoadM3(state: PourState, trucks: readonly TruckEntity[]): number {
  let largest = largestTruckMemo.get(trucks);
  if (!largest) {
    largest = new Map();
    for (const truck of trucks)
      largest.set(truck.homePlantId, Math.max(largest.get(truck.homePlantId) ?? 0, truck.capacityM3));
    largestTruckMemo.set(trucks, largest);
  }
  return largest.get(state.pour.plantId) ?? 10;
}

/** The earlier of the age limit and initial setting less the margin, in minutes from batching. */
export function maxAgeMinutes(pour: PourEntity): number {
  const epoch = new Date(0);
  return Math.max(
    1,
    toMinute(dischargeDeadline({ batchedAt: epoch, initialSettingMinutes: pour.initialSettingMinutes }).deadline),
  );
}

/** When a load still coming should reach the pump. */
export function expectedArrival(load: LoadEntity, state: PourState, now: Date, fix: TruckFixRow | undefined): Date {
  return arrivalEstimate(load, state, now, fix).at;
}

interface LoadArrival {
  at: Date;
  /** How far the truck is from the pour's entry route, for a load en route with a fix; null otherwise. */
  distanceFromRouteM: number | null;
}

function arrivalEstimate(load: LoadEntity, state: PourState, now: Date, fix: TruckFixRow | undefined): LoadArrival {
  const moments = state.moments.get(load.id) ?? {};
  if (moments.arrivedAt && load.status === 'on_site') return { at: moments.arrivedAt, distanceFromRouteM: null };
  const travelMs = state.travel.minutes * MS_PER_MINUTE;
  if (load.status === 'en_route') {
    if (fix) {
      const estimate = estimateArrival({
        position: { lat: fix.lat, lng: fix.lng },
        route: state.pour.entryRoute,
        destination: state.pour.pumpPosition ?? state.pour.endPoint,
        recentSpeedsKmh: fix.speed_kmh === null ? [] : [fix.speed_kmh],
        now,
      });
      return { at: estimate.arrivesAt, distanceFromRouteM: estimate.distanceFromRouteM };
    }
    const departed = moments.departedAt ?? now;
    return { at: new Date(Math.max(now.getTime(), departed.getTime() + travelMs)), distanceFromRouteM: null };
  }
  if (load.status === 'released') return { at: new Date(now.getTime() + travelMs), distanceFromRouteM: null };
  const loadStart = load.batchedAt ?? load.plannedLoadAt ?? now;
  const leaves = Math.max(now.getTime(), loadStart.getTime() + PLANT_LOADING_MINUTES * MS_PER_MINUTE);
  return { at: new Date(leaves + travelMs), distanceFromRouteM: null };
}

/** Arrivals worked out once per picture: a re-plan reads each load's several times, and thousands may be on the road. */
const arrivalsMemo = new WeakMap<DispatchPicture, Map<string, LoadArrival>>();

function arrivalOf(picture: DispatchPicture, state: PourState, load: LoadEntity): LoadArrival {
  let memo = arrivalsMemo.get(picture);
  if (!memo) arrivalsMemo.set(picture, (memo = new Map()));
  let arrival = memo.get(load.id);
  if (arrival === undefined) {
    arrival = arrivalEstimate(load, state, picture.now, load.truckId ? picture.fixes.get(load.truckId) : undefined);
    memo.set(load.id, arrival);
  }
  return arrival;
}

/** `expectedArrival` of a load of this picture, from its memo after the first time. */
export function arrivalIn(picture: DispatchPicture, state: PourState, load: LoadEntity): Date {
  return arrivalOf(picture, state, load).at;
}

/** For a load en route with a fix, how far its truck is from the entry route (the arrival's own estimate); else null. */
export function distanceFromRouteIn(picture: DispatchPicture, state: PourState, load: LoadEntity): number | null {
  return arrivalOf(picture, state, load).distanceFromRouteM;
}

/** The loads on their way to the pump, as the rhythm plays them forward. */
export function arrivalsOf(state: PourState, picture: DispatchPicture): ArrivalAtPump[] {
  return state.loads
    .filter((load) => live(load) && COMING.includes(load.status))
    .map((load) => ({
      arrivesAt: arrivalIn(picture, state, load),
      volumeM3: load.volumeM3,
      onSite: load.status === 'on_site',
    }));
}

export function rhythmOf(
  state: PourState,
  picture: DispatchPicture,
  extraArrivals: readonly ArrivalAtPump[] = [],
): PourRhythm {
  const discharges = state.loads
    .filter((load) => !load.rejected)
    .flatMap((load) => {
      const moments = state.moments.get(load.id);
      if (!moments?.dischargeStartedAt) return [];
      const ended = load.status === 'discharging' ? null : (moments.dischargeEndedAt ?? null);
      if (ended === null && load.status !== 'discharging') return [];
      return [{ volumeM3: load.volumeM3, startedAt: moments.dischargeStartedAt, endedAt: ended }];
    });
  return pourRhythm({
    plannedVolumeM3: state.pour.volumeM3,
    plannedRateM3PerHour: state.pour.pourRateM3PerHour,
    pumpCapacityM3PerHour: state.pour.pump?.capacityM3PerHour ?? null,
    scheduledStart: state.pour.scheduledStart,
    placedM3: placedM3(state),
    discharges,
    requests: state.requests,
    arrivals: [...arrivalsOf(state, picture), ...extraArrivals],
    typicalLoadM3: typicalLoadM3(state, picture.trucks),
    initialSettingMinutes: state.pour.initialSettingMinutes,
    coldJointLimitMinutes: state.setting?.coldJointLimitMinutes ?? null,
    now: picture.now,
  });
}

/** A pour the planner feeds: not held by the dispatch room or the site, with volume no ticket covers. */
export function isPlannable(state: PourState, rhythm: PourRhythm): boolean {
  return !state.pour.dispatchHold && !rhythm.held && unticketedM3(state) > 0.05;
}

function lastDischargeEnd(state: PourState): Date | undefined {
  const ends = [...state.moments.values()].flatMap((moments) => moments.dischargeEndedAt ?? []);
  return ends.length > 0 ? new Date(Math.max(...ends.map((end) => end.getTime()))) : undefined;
}

/**
 * The scheduler's view of the day: the pours it may plan, at the pace each
 * pump has shown, every truck of their plants with where it will next be
 * free, and the loads already ticketed, which it plans around.
 */
export function schedulerInput(picture: DispatchPicture, rhythms: Map<string, PourRhythm>): SchedulerInput {
  const planned = picture.pours.filter((state) => isPlannable(state, rhythms.get(state.pour.id)!));
  const plannedIds = new Set(planned.map((state) => state.pour.id));
  const stateOf = new Map(picture.pours.map((state) => [state.pour.id, state]));
  const plantIds = [...new Set(planned.map((state) => state.pour.plantId))];
  const nowMinute = toMinute(picture.now);

  const loadsInProgress: SchedulerLoadInProgress[] = [];
  const busy = new Map<string, LoadEntity>();
  for (const load of picture.truckLoads) if (load.truckId) busy.set(load.truckId, load);
  for (const load of busy.values()) {
    const state = stateOf.get(load.pourId);
    if (!state || !plannedIds.has(load.pourId) || !live(load) || load.status === 'held') continue;
    const moments = state.moments.get(load.id) ?? {};
    const batch = load.batchedAt ?? load.plannedLoadAt ?? picture.now;
    loadsInProgress.push({
      id: load.id,
      pourId: load.pourId,
      truckId: load.truckId!,
      plantId: load.plantId,
      volumeM3: load.volumeM3,
      batchMinute: Math.min(toMinute(batch), nowMinute),
      arriveMinute: toMinute(arrivalIn(picture, state, load)),
      ...(moments.dischargeStartedAt && load.status === 'discharging'
        ? { dischargeStartMinute: toMinute(moments.dischargeStartedAt) }
        : {}),
    });
  }
  const inProgress = new Set(loadsInProgress.map((load) => load.truckId));

  const trucks: SchedulerTruck[] = picture.trucks
    .filter((truck) => plantIds.includes(truck.homePlantId))
    .map((truck) => {
      const load = busy.get(truck.id);
      if (load && inProgress.has(truck.id)) {
        return {
          id: truck.id,
          capacityM3: truck.capacityM3,
          homePlantId: truck.homePlantId,
          freeAt: { kind: 'pour', pourId: load.pourId },
          freeFromMinute: nowMinute,
        };
      }
      const backIn = load
        ? (stateOf.get(load.pourId)?.travel.minutes ?? UNPLANNED_TRUCK_BACK_MINUTES) *
          (load.status === 'returning' || load.status === 'returning_with_load' ? 1 : 2)
        : 0;
      return {
        id: truck.id,
        capacityM3: truck.capacityM3,
        homePlantId: truck.homePlantId,
        freeAt: { kind: 'plant', plantId: truck.homePlantId },
        freeFromMinute: nowMinute + backIn,
      };
    });

  const plantToPour: Record<string, Record<string, number>> = {};
  for (const state of planned) {
    plantToPour[state.pour.plantId] = { ...plantToPour[state.pour.plantId], [state.pour.id]: state.travel.minutes };
  }

  return {
    nowMinute,
    pours: planned.map((state) => {
      const rhythm = rhythms.get(state.pour.id)!;
      const lastEnd = lastDischargeEnd(state);
      return {
        id: state.pour.id,
        remainingM3: unticketedM3(state),
        window: { startMinute: toMinute(state.pour.scheduledStart) },
        pourRateM3PerHour: rhythm.rateM3PerHour,
        maxGapMinutes: rhythm.coldJointLimitMinutes,
        maxAgeMinutes: maxAgeMinutes(state.pour),
        mixId: state.pour.mixId,
        plantIds: [state.pour.plantId],
        ...(lastEnd ? { lastDischargeEndMinute: toMinute(lastEnd) } : {}),
      };
    }),
    trucks,
    // A load the dispatch room sent to another plant is planned around at that plant.
    plants: [...new Set([...plantIds, ...loadsInProgress.map((load) => load.plantId)])].map((id) => ({
      id,
      loadingMinutes: PLANT_LOADING_MINUTES,
    })),
    travel: { plantToPour },
    loadsInProgress,
    options: { seed: 1, maxIterations: SEARCH_ITERATIONS },
  };
}
