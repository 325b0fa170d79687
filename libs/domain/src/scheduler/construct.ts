import { EPSILON_MINUTES, PlantSlots } from './plant-slots';
import type { TravelTable } from './travel-table';
import { type Trip, TruckTimeline } from './truck-timeline';
import type {
  PlannedLoad,
  PourPlan,
  ScheduleMetrics,
  SchedulerInput,
  SchedulerLoadInProgress,
  SchedulerPlant,
  SchedulerPour,
  SchedulerTruck,
} from './types';

/** What stays the same from one construction to the next. */
export interface PlanContext {
  input: SchedulerInput;
  travel: TravelTable;
  plantsById: ReadonlyMap<string, SchedulerPlant>;
  trucksById: ReadonlyMap<string, SchedulerTruck>;
  /** Per pour index, its loads in progress in discharge order. */
  inProgress: readonly (readonly SchedulerLoadInProgress[])[];
  /** Pours with concrete in place or on its way, most pressing first: they are planned before any other. */
  startedPours: readonly number[];
  /** Pours not started, in the order a plain greedy plan takes them. */
  openPours: readonly number[];
}

export interface Construction {
  pours: PourPlan[];
  metrics: ScheduleMetrics;
  /** Compared element by element, lower is better: the objective in its order of importance. */
  key: number[];
}

/** The times of a load as the plan shows them. */
type LoadTimes = Pick<
  PlannedLoad,
  | 'plantId'
  | 'volumeM3'
  | 'batchMinute'
  | 'departMinute'
  | 'arriveMinute'
  | 'dischargeStartMinute'
  | 'dischargeEndMinute'
  | 'siteWaitMinutes'
>;

interface Candidate extends LoadTimes {
  timeline: TruckTimeline;
  gap: number;
  /** How long the truck stands idle before this batch: a tight fit leaves room for other trips. */
  idleMinutes: number;
}

interface Applied {
  candidate: Candidate;
  trip: Trip;
}

/** How long a truck takes to empty a load into a pour. */
export function dischargeMinutes(truck: SchedulerTruck, pour: SchedulerPour, volumeM3: number): number {
  return truck.fixedDischargeMinutes ?? (volumeM3 / pour.pourRateM3PerHour) * 60;
}

/**
 * One plan built greedily: loads in progress as they are, then the started
 * pours, then the open pours in the order given. Each pour gets its loads one
 * after the other, each from the truck and plant that can discharge it
 * earliest; an open pour whose chain would pause beyond its gap limit is
 * retried with a later first discharge, and left unserved if no start works.
 */
export function construct(context: PlanContext, openOrder: readonly number[]): Construction {
  return new PlanBuilder(context).build(openOrder);
}

/** A later first discharge lets more trucks come round; past this many tries the pour is left out. */
const MAX_START_SHIFTS = 40;

class PlanBuilder {
  private readonly timelines: TruckTimeline[];
  private readonly slots = new Map<string, PlantSlots>();
  private readonly plans: PourPlan[];
  private readonly chainEnd: (number | null)[];
  private readonly pours: readonly SchedulerPour[];
  private readonly nowMinute: number;

  constructor(private readonly context: PlanContext) {
    const { input } = context;
    this.pours = input.pours;
    this.nowMinute = input.nowMinute;
    this.timelines = input.trucks.map((truck) => new TruckTimeline(truck, context.travel));
    for (const plant of input.plants) this.slots.set(plant.id, new PlantSlots(plant));
    this.plans = input.pours.map((pour) => ({
      pourId: pour.id,
      status: 'complete',
      loads: [],
      plannedM3: 0,
      coldJoints: [],
      overrunMinutes: 0,
    }));
    this.chainEnd = input.pours.map((pour) => pour.lastDischargeEndMinute ?? null);
  }

  build(openOrder: readonly number[]): Construction {
    this.pours.forEach((_, i) => this.projectLoadsInProgress(i));
    for (const i of this.context.startedPours) this.planStarted(i);
    for (const i of openOrder) this.planOpen(i);
    return this.summarise();
  }

  private projectLoadsInProgress(pourIndex: number): void {
    const pour = this.pours[pourIndex];
    const timelineOf = new Map(this.timelines.map((timeline) => [timeline.truck.id, timeline]));
    for (const load of this.context.inProgress[pourIndex]) {
      const timeline = timelineOf.get(load.truckId)!;
      const plant = this.context.plantsById.get(load.plantId)!;
      const setupMinutes = pour.siteSetupMinutes ?? 0;
      const previousEnd = this.chainEnd[pourIndex];
      const start = load.dischargeStartMinute ?? Math.max(load.arriveMinute + setupMinutes, previousEnd ?? -Infinity);
      const end = start + dischargeMinutes(timeline.truck, pour, load.volumeM3);
      timeline.append({
        plantId: load.plantId,
        pourId: pour.id,
        batchMinute: load.batchMinute,
        dischargeEndMinute: end,
      });
      this.slots.get(load.plantId)?.book(load.batchMinute);
      this.record(pourIndex, {
        pourId: pour.id,
        sequence: 0,
        plantId: load.plantId,
        truckId: load.truckId,
        volumeM3: load.volumeM3,
        batchMinute: load.batchMinute,
        departMinute: load.batchMinute + plant.loadingMinutes,
        arriveMinute: load.arriveMinute,
        dischargeStartMinute: start,
        dischargeEndMinute: end,
        dischargeDeadlineMinute: load.batchMinute + pour.maxAgeMinutes,
        siteWaitMinutes: Math.max(0, start - load.arriveMinute - setupMinutes),
        loadInProgressId: load.id,
      });
    }
  }

  /** Concrete is in place: every remaining cubic metre is planned, as early as trucks allow. */
  private planStarted(pourIndex: number): void {
    const pour = this.pours[pourIndex];
    let remaining = pour.remainingM3;
    while (remaining > EPSILON_MINUTES) {
      const candidate = this.bestCandidate(
        pour,
        this.chainEnd[pourIndex] ?? pour.window.startMinute,
        remaining,
        Infinity,
      );
      if (!candidate) break;
      this.apply(pourIndex, candidate);
      remaining -= candidate.volumeM3;
    }
    const plan = this.plans[pourIndex];
    const endMinute = pour.window.endMinute;
    const lastEnd = this.chainEnd[pourIndex];
    if (endMinute !== undefined && lastEnd !== null) plan.overrunMinutes = Math.max(0, lastEnd - endMinute);
    if (remaining > EPSILON_MINUTES || plan.coldJoints.length > 0 || plan.overrunMinutes > EPSILON_MINUTES) {
      plan.status = 'late';
    }
  }

  /** Served whole, inside the window and the gap limit, or not at all. */
  private planOpen(pourIndex: number): void {
    const pour = this.pours[pourIndex];
    const latestEnd = pour.window.endMinute ?? Infinity;
    let firstStart = pour.window.startMinute;
    for (let attempt = 0; attempt < MAX_START_SHIFTS; attempt++) {
      const applied: Applied[] = [];
      let remaining = pour.remainingM3;
      let previousEnd: number | null = null;
      let shiftMinutes = 0;
      while (remaining > EPSILON_MINUTES) {
        const candidate = this.bestCandidate(pour, previousEnd ?? firstStart, remaining, latestEnd);
        if (!candidate) break;
        if (
          previousEnd !== null &&
          candidate.dischargeStartMinute - previousEnd > pour.maxGapMinutes + EPSILON_MINUTES
        ) {
          shiftMinutes = candidate.dischargeStartMinute - previousEnd - pour.maxGapMinutes;
          break;
        }
        applied.push(this.apply(pourIndex, candidate));
        previousEnd = candidate.dischargeEndMinute;
        remaining -= candidate.volumeM3;
      }
      if (remaining <= EPSILON_MINUTES) return;
      const firstDischarge = applied[0]?.candidate.dischargeStartMinute;
      for (let i = applied.length - 1; i >= 0; i--) this.undo(pourIndex, applied[i]);
      if (shiftMinutes === 0 || firstDischarge === undefined) break;
      firstStart = firstDischarge + shiftMinutes;
    }
    this.plans[pourIndex].status = 'unserved';
  }

  private bestCandidate(
    pour: SchedulerPour,
    earliestStart: number,
    remainingM3: number,
    latestEnd: number,
  ): Candidate | null {
    const { travel, plantsById } = this.context;
    const setupMinutes = pour.siteSetupMinutes ?? 0;
    let best: Candidate | null = null;
    for (const timeline of this.timelines) {
      const truck = timeline.truck;
      const volumeM3 = Math.min(truck.capacityM3, remainingM3);
      const durationMinutes = dischargeMinutes(truck, pour, volumeM3);
      const returnPlants = [truck.homePlantId, ...pour.plantIds];
      for (const plantId of pour.plantIds) {
        const plant = plantsById.get(plantId)!;
        const driveMinutes = travel.plantToPour(plantId, pour.id);
        const leadMinutes = plant.loadingMinutes + driveMinutes + setupMinutes;
        // The fastest possible trip from this plant already outlives the concrete.
        if (!Number.isFinite(driveMinutes) || leadMinutes + durationMinutes > pour.maxAgeMinutes + EPSILON_MINUTES)
          continue;
        const slots = this.slots.get(plantId)!;
        for (let gap = 0; gap < timeline.gapCount; gap++) {
          const ready = Math.max(timeline.readyAt(gap, plantId), this.nowMinute);
          if (!Number.isFinite(ready)) continue;
          let start = Math.max(earliestStart, ready + leadMinutes);
          // Later stretches of this truck only start later.
          if (best && start > best.dischargeStartMinute + EPSILON_MINUTES) break;
          let batch = start - leadMinutes;
          const earlier = slots.latestFreeAtOrBefore(batch, ready);
          if (earlier !== null && start + durationMinutes - earlier <= pour.maxAgeMinutes + EPSILON_MINUTES) {
            batch = earlier;
          } else {
            const later = slots.earliestFreeAtOrAfter(batch);
            if (later === null) break;
            start += later - batch;
            batch = later;
          }
          const end = start + durationMinutes;
          if (end > latestEnd + EPSILON_MINUTES) break;
          if (end > timeline.latestEnd(gap, pour.id, returnPlants) + EPSILON_MINUTES) continue;
          const departMinute = batch + plant.loadingMinutes;
          const candidate: Candidate = {
            timeline,
            gap,
            plantId,
            volumeM3,
            batchMinute: batch,
            departMinute,
            arriveMinute: departMinute + driveMinutes,
            dischargeStartMinute: start,
            dischargeEndMinute: end,
            siteWaitMinutes: start - (departMinute + driveMinutes + setupMinutes),
            idleMinutes: batch - ready,
          };
          if (!best || isBetter(candidate, best)) best = candidate;
          break;
        }
      }
    }
    return best;
  }

  private apply(pourIndex: number, candidate: Candidate): Applied {
    const pour = this.pours[pourIndex];
    const trip: Trip = {
      plantId: candidate.plantId,
      pourId: pour.id,
      batchMinute: candidate.batchMinute,
      dischargeEndMinute: candidate.dischargeEndMinute,
    };
    candidate.timeline.insert(candidate.gap, trip);
    this.slots.get(candidate.plantId)!.book(candidate.batchMinute);
    this.record(pourIndex, {
      pourId: pour.id,
      sequence: 0,
      plantId: candidate.plantId,
      truckId: candidate.timeline.truck.id,
      volumeM3: candidate.volumeM3,
      batchMinute: candidate.batchMinute,
      departMinute: candidate.departMinute,
      arriveMinute: candidate.arriveMinute,
      dischargeStartMinute: candidate.dischargeStartMinute,
      dischargeEndMinute: candidate.dischargeEndMinute,
      dischargeDeadlineMinute: candidate.batchMinute + pour.maxAgeMinutes,
      siteWaitMinutes: candidate.siteWaitMinutes,
    });
    return { candidate, trip };
  }

  private undo(pourIndex: number, { candidate, trip }: Applied): void {
    candidate.timeline.remove(trip);
    this.slots.get(candidate.plantId)!.release(candidate.batchMinute);
    const plan = this.plans[pourIndex];
    const load = plan.loads.pop()!;
    plan.plannedM3 -= load.volumeM3;
    const gap = plan.coldJoints[plan.coldJoints.length - 1];
    if (gap && gap.afterSequence === load.sequence - 1) plan.coldJoints.pop();
    const previous = plan.loads[plan.loads.length - 1];
    this.chainEnd[pourIndex] = previous
      ? previous.dischargeEndMinute
      : (this.pours[pourIndex].lastDischargeEndMinute ?? null);
  }

  private record(pourIndex: number, load: PlannedLoad): void {
    const plan = this.plans[pourIndex];
    const pour = this.pours[pourIndex];
    load.sequence = plan.loads.length;
    const previousEnd = this.chainEnd[pourIndex];
    if (previousEnd !== null) {
      const gapMinutes = load.dischargeStartMinute - previousEnd;
      if (gapMinutes > pour.maxGapMinutes + EPSILON_MINUTES) {
        plan.coldJoints.push({ afterSequence: load.sequence - 1, gapMinutes });
      }
    }
    plan.loads.push(load);
    plan.plannedM3 += load.volumeM3;
    this.chainEnd[pourIndex] = load.dischargeEndMinute;
  }

  private summarise(): Construction {
    const metrics: ScheduleMetrics = {
      coldJoints: 0,
      coldJointExcessMinutes: 0,
      servedM3: 0,
      unservedPours: 0,
      siteWaitMinutes: 0,
      truckMinutes: 0,
    };
    let startedShortfallM3 = 0;
    let overrunMinutes = 0;
    this.plans.forEach((plan, i) => {
      const pour = this.pours[i];
      for (const gap of plan.coldJoints) {
        metrics.coldJoints += 1;
        metrics.coldJointExcessMinutes += gap.gapMinutes - pour.maxGapMinutes;
      }
      overrunMinutes += plan.overrunMinutes;
      if (plan.status === 'unserved') metrics.unservedPours += 1;
      if (plan.status === 'complete') metrics.servedM3 += pour.remainingM3;
      const proposed = plan.loads.filter((load) => load.loadInProgressId === undefined);
      if (plan.status === 'late') {
        startedShortfallM3 += Math.max(0, pour.remainingM3 - proposed.reduce((sum, load) => sum + load.volumeM3, 0));
      }
      for (const load of proposed) {
        metrics.siteWaitMinutes += load.siteWaitMinutes;
        metrics.truckMinutes +=
          load.dischargeEndMinute - load.batchMinute + this.context.travel.pourToPlant(pour.id, load.plantId);
      }
    });
    return {
      pours: this.plans,
      metrics,
      key: [
        startedShortfallM3,
        metrics.coldJointExcessMinutes,
        overrunMinutes,
        -metrics.servedM3,
        metrics.siteWaitMinutes,
        metrics.truckMinutes,
      ],
    };
  }
}

/** Earliest discharge first; then the bigger load (fewer trips), less waiting, and the tightest fit. */
function isBetter(a: Candidate, b: Candidate): boolean {
  if (Math.abs(a.dischargeStartMinute - b.dischargeStartMinute) > EPSILON_MINUTES) {
    return a.dischargeStartMinute < b.dischargeStartMinute;
  }
  if (Math.abs(a.volumeM3 - b.volumeM3) > EPSILON_MINUTES) return a.volumeM3 > b.volumeM3;
  if (Math.abs(a.siteWaitMinutes - b.siteWaitMinutes) > EPSILON_MINUTES) return a.siteWaitMinutes < b.siteWaitMinutes;
  return a.idleMinutes < b.idleMinutes - EPSILON_MINUTES;
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = a[i] - b[i];
    if (Math.abs(difference) > EPSILON_MINUTES) return difference;
  }
  return 0;
}
