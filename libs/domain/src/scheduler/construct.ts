import { EPSILON_MINUTES, PlantSlots } from './plant-slots';
import { searchWithFlexibleTimes } from './flexible-times';
import { insertWithFlexibleTimes } from './insertion';
import type { FlexibleDischarge } from './start-graph';
import { type SearchBudget, searchInTimeOrder } from './time-order';
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

/** Read once into a local: an imported binding may be looked up anew on every use. */
const EPSILON = EPSILON_MINUTES;

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
  /** Per truck index: equal for trucks that, with nothing planned yet, would offer the same trip. */
  idleGroups: readonly number[];
  /** Per pour index, the places in the input of the plants that may supply it. */
  pourPlants: readonly (readonly number[])[];
  /** Per truck index, per plant index: the earliest batch there with nothing planned. */
  firstReady: readonly Float64Array[];
  /** Per truck index, per pour index: the drive from there to the nearest plant the truck may end its shift at. */
  backMinutes: readonly Float64Array[];
}

export const TRUCK_CHOICES = [
  'bigger_load',
  'smaller_load',
  'tightest_fit',
  'bigger_in_reach',
  'fit_in_reach',
] as const;
export type TruckChoice = (typeof TRUCK_CHOICES)[number];

/** What the search varies: the order open pours are planned in, and how each pour picks among equally early trucks. */
export interface Genome {
  openOrder: readonly number[];
  /** Per pour index. */
  truckChoice: readonly TruckChoice[];
  /**
   * Per pour index, minutes after its window's start before which an open
   * pour's first discharge may not start (none when absent): a pour planned
   * early may leave its trucks free for a while for pours planned after it.
   */
  startDelay?: readonly number[];
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

export interface Candidate extends LoadTimes {
  timeline: TruckTimeline;
  /** The plant's place in the input. */
  plant: number;
  gap: number;
  /** How long the truck stands idle before this batch: a tight fit leaves room for other trips. */
  idleMinutes: number;
}

export interface Applied {
  candidate: Candidate;
  trip: Trip;
}

/** Equal for trucks that, with nothing planned yet, would offer every pour the same trip. */
export function idleSignature(truck: SchedulerTruck): string {
  const { freeAt } = truck;
  const at =
    freeAt.kind === 'plant'
      ? freeAt.plantId
      : freeAt.kind === 'pour'
        ? `@${freeAt.pourId}`
        : JSON.stringify(Object.entries(freeAt.minutesToPlant).sort());
  return [
    at,
    truck.freeFromMinute,
    truck.capacityM3,
    truck.fixedDischargeMinutes,
    truck.availableUntilMinute,
    truck.homePlantId,
  ].join(' ');
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
export function construct(context: PlanContext, genome: Genome): Construction {
  return new PlanBuilder(context).build(genome);
}

/**
 * Builds plan after plan for one search, each from the last one's state: the
 * pours planned before the first place where the new genome differs keep
 * their loads (their plan cannot change, being built first), and only the
 * rest is taken back and planned again. The plans are the same as
 * `construct` gives.
 */
export class Constructor {
  private builder: PlanBuilder | null = null;
  private last: Genome | null = null;

  constructor(private readonly context: PlanContext) {}

  build(genome: Genome): Construction {
    const from = this.builder && this.last ? firstDifference(this.context, this.last, genome) : null;
    this.last = genome;
    if (from === null) {
      this.builder = new PlanBuilder(this.context);
      return this.builder.build(genome);
    }
    return this.builder!.rebuildFrom(from, genome);
  }
}

/**
 * The first place in the open order from which two genomes may give
 * different plans, or null when even the started pours may differ.
 */
export function firstDifference(context: PlanContext, a: Genome, b: Genome): number | null {
  for (const i of context.startedPours) if (a.truckChoice[i] !== b.truckChoice[i]) return null;
  const order = a.openOrder;
  for (let at = 0; at < order.length; at++) {
    const pourIndex = order[at];
    if (
      pourIndex !== b.openOrder[at] ||
      a.truckChoice[pourIndex] !== b.truckChoice[pourIndex] ||
      (a.startDelay?.[pourIndex] ?? 0) !== (b.startDelay?.[pourIndex] ?? 0)
    )
      return at;
  }
  return order.length;
}

/**
 * The plan in which exactly these open pours are served, every one of them
 * whole, found by a search in time order, or null when the search finds none
 * within its budget. See `PlanBuilder.inTimeOrder`.
 */
export function planInTimeOrder(
  context: PlanContext,
  genome: Genome,
  pourSet: readonly number[],
  budget: SearchBudget,
): Construction | null {
  return new PlanBuilder(context).inTimeOrder(genome, pourSet, budget);
}

/**
 * The plan in which exactly these open pours are served, found by the search
 * with flexible times, or null. See `PlanBuilder.inFlexibleTimes`.
 */
export function planWithFlexibleTimes(
  context: PlanContext,
  genome: Genome,
  pourSet: readonly number[],
  budget: SearchBudget,
): Construction | null {
  return new PlanBuilder(context).inFlexibleTimes(genome, pourSet, budget);
}

/**
 * The plan that serves the open pours `keep` serves in `plan`, in the same
 * rounds of the trucks, and the `insert` pours too, or null. See
 * `PlanBuilder.withInserted`.
 */
export function planWithInserted(
  context: PlanContext,
  genome: Genome,
  plan: Construction,
  pours: { keep: readonly number[]; insert: readonly number[] },
  budget: SearchBudget,
): Construction | null {
  return new PlanBuilder(context).withInserted(genome, plan, pours.keep, pours.insert, budget);
}

/** Holding loads back lets trucks come round; past this many tries the pour is left out. */
const MAX_RETIMINGS = 60;

class PlanBuilder {
  readonly timelines: TruckTimeline[];
  /** Per plant index. */
  private readonly slots: PlantSlots[];
  private readonly plans: PourPlan[];
  private readonly chainEnd: (number | null)[];
  private readonly pours: readonly SchedulerPour[];
  private readonly nowMinute: number;
  private choices: readonly TruckChoice[] = [];
  /** Per place in the open order, the loads planned for its pour (none when left unserved). */
  private readonly openApplied: { pourIndex: number; applied: Applied[] }[] = [];
  /** The loads of the pours planned late, in the order they were planned. */
  private lateApplied: { pourIndex: number; applied: Applied }[] = [];
  private delays: readonly number[] | null = null;

  constructor(readonly context: PlanContext) {
    const { input } = context;
    this.pours = input.pours;
    this.nowMinute = input.nowMinute;
    this.timelines = input.trucks.map(
      (truck, t) => new TruckTimeline(truck, context.travel, context.firstReady[t], context.backMinutes[t]),
    );
    this.slots = input.plants.map((plant) => new PlantSlots(plant));
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

  build(genome: Genome): Construction {
    this.choices = genome.truckChoice;
    this.delays = genome.startDelay ?? null;
    this.pours.forEach((_, i) => this.projectLoadsInProgress(i));
    this.planToTheEnd(this.context.startedPours);
    return this.rebuildFrom(0, genome);
  }

  /**
   * The plan of another genome that orders and treats the open pours before
   * place `from` the same as the last one built: the loads of the pours from
   * there on (and of pours planned late) are taken back, then planned again.
   */
  rebuildFrom(from: number, genome: Genome): Construction {
    for (let i = this.lateApplied.length - 1; i >= 0; i--) {
      const { pourIndex, applied } = this.lateApplied[i];
      this.undo(pourIndex, applied);
      this.plans[pourIndex].status = 'unserved';
      this.plans[pourIndex].overrunMinutes = 0;
    }
    this.lateApplied = [];
    for (let at = this.openApplied.length - 1; at >= from; at--) {
      const { pourIndex, applied } = this.openApplied[at];
      for (let i = applied.length - 1; i >= 0; i--) this.undo(pourIndex, applied[i]);
      this.plans[pourIndex].status = 'complete';
    }
    this.openApplied.length = Math.min(this.openApplied.length, from);
    this.choices = genome.truckChoice;
    this.delays = genome.startDelay ?? null;
    for (let at = from; at < genome.openOrder.length; at++) {
      const pourIndex = genome.openOrder[at];
      this.openApplied.push({ pourIndex, applied: this.planOpen(pourIndex) });
    }
    this.planToTheEnd(
      genome.openOrder.filter((i) => this.plans[i].status === 'unserved' && this.pours[i].planEvenIfLate),
      this.lateApplied,
    );
    return this.summarise();
  }

  /**
   * Serves exactly the given open pours, all of them together in time order
   * (see `searchInTimeOrder`), or null when the search finds no such plan
   * within its budget.
   */
  inTimeOrder(genome: Genome, pourSet: readonly number[], budget: SearchBudget): Construction | null {
    this.build({ ...genome, openOrder: [] });
    for (const i of this.context.openPours) this.plans[i].status = 'unserved';
    if (!searchInTimeOrder(this, pourSet, budget)) return null;
    for (const i of pourSet) this.plans[i].status = 'complete';
    this.planToTheEnd(
      this.context.openPours.filter((i) => this.plans[i].status === 'unserved' && this.pours[i].planEvenIfLate),
      this.lateApplied,
    );
    return this.summarise();
  }

  /**
   * Serves exactly the given open pours with the times the search with
   * flexible times finds (see `searchWithFlexibleTimes`); null when it finds
   * no plan or the plan cannot be booked (see `bookFlexible`).
   */
  inFlexibleTimes(genome: Genome, pourSet: readonly number[], budget: SearchBudget): Construction | null {
    this.startFlexible(genome, pourSet);
    const discharges = searchWithFlexibleTimes(this, pourSet, budget);
    return discharges && this.bookFlexible(discharges, pourSet);
  }

  /**
   * Serves the open pours `keep` serves in `plan`, in the same rounds of the
   * trucks, and the `insert` pours with them (see `insertWithFlexibleTimes`);
   * null when no such plan is found or it cannot be booked.
   */
  withInserted(
    genome: Genome,
    plan: Construction,
    keep: readonly number[],
    insert: readonly number[],
    budget: SearchBudget,
  ): Construction | null {
    const pourSet = [...keep, ...insert];
    this.startFlexible(genome, pourSet);
    const truckIndex = new Map(this.timelines.map((timeline, t) => [timeline.truck.id, t]));
    const kept: FlexibleDischarge[] = keep
      .flatMap((pourIndex) =>
        plan.pours[pourIndex].loads.map((load) => ({
          pourIndex,
          truckIndex: truckIndex.get(load.truckId)!,
          volumeM3: load.volumeM3,
          startMinute: load.dischargeStartMinute,
        })),
      )
      .sort((a, b) => a.startMinute - b.startMinute);
    const discharges = insertWithFlexibleTimes(this, kept, insert, budget);
    return discharges && this.bookFlexible(discharges, pourSet);
  }

  /** The started pours and loads in progress planned, no open pour: what the flexible searches start from. */
  private startFlexible(genome: Genome, pourSet: readonly number[]): void {
    // Each truck's earliest trip to the minute: no truck choice may prefer a later one.
    const truckChoice = genome.truckChoice.map((choice, i) => (pourSet.includes(i) ? 'bigger_load' : choice));
    // Times float: no start is held back by the genome.
    this.build({ ...genome, truckChoice, openOrder: [], startDelay: undefined });
    for (const i of this.context.openPours) this.plans[i].status = 'unserved';
  }

  /**
   * Books the discharges on their trucks and plants at their minutes, in
   * start order; null when a truck cannot make one of them then (a plant's
   * batch limit or opening hours) or a pour of the set is not served whole
   * within its window and gap limit.
   */
  private bookFlexible(discharges: readonly FlexibleDischarge[], pourSet: readonly number[]): Construction | null {
    const remaining = new Map(pourSet.map((i) => [i, this.pours[i].remainingM3]));
    for (const { pourIndex, truckIndex, volumeM3, startMinute } of discharges) {
      const pour = this.pours[pourIndex];
      const left = remaining.get(pourIndex)!;
      const candidate = this.bestCandidate(pourIndex, startMinute, left, pour.window.endMinute ?? Infinity, truckIndex);
      if (
        !candidate ||
        Math.abs(candidate.dischargeStartMinute - startMinute) > EPSILON ||
        startMinute < pour.window.startMinute - EPSILON ||
        Math.abs(candidate.volumeM3 - volumeM3) > EPSILON
      )
        return null;
      this.apply(pourIndex, candidate);
      remaining.set(pourIndex, left - volumeM3);
    }
    for (const i of pourSet) {
      const plan = this.plans[i];
      const endMinute = this.pours[i].window.endMinute ?? Infinity;
      const short = remaining.get(i)! > EPSILON;
      if (short || plan.coldJoints.length > 0 || (this.chainEnd[i] ?? -Infinity) > endMinute + EPSILON) return null;
      plan.status = 'complete';
    }
    this.planToTheEnd(
      this.context.openPours.filter((i) => this.plans[i].status === 'unserved' && this.pours[i].planEvenIfLate),
      this.lateApplied,
    );
    return this.summarise();
  }

  chainEndOf(pourIndex: number): number | null {
    return this.chainEnd[pourIndex];
  }

  startDelayOf(pourIndex: number): number {
    return this.delays?.[pourIndex] ?? 0;
  }

  private projectLoadsInProgress(pourIndex: number): void {
    if (this.context.inProgress[pourIndex].length === 0) return;
    const pour = this.pours[pourIndex];
    const { travel } = this.context;
    const timelineOf = new Map(this.timelines.map((timeline) => [timeline.truck.id, timeline]));
    for (const load of this.context.inProgress[pourIndex]) {
      const timeline = timelineOf.get(load.truckId)!;
      const plant = this.context.plantsById.get(load.plantId)!;
      const plantIndex = travel.plantIndex.get(load.plantId)!;
      const setupMinutes = pour.siteSetupMinutes ?? 0;
      const previousEnd = this.chainEnd[pourIndex];
      const start = load.dischargeStartMinute ?? Math.max(load.arriveMinute + setupMinutes, previousEnd ?? -Infinity);
      const end = start + dischargeMinutes(timeline.truck, pour, load.volumeM3);
      timeline.append({
        plantId: load.plantId,
        pourId: pour.id,
        plant: plantIndex,
        pour: pourIndex,
        batchMinute: load.batchMinute,
        dischargeEndMinute: end,
      });
      this.slots[plantIndex].book(load.batchMinute);
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

  /**
   * Every remaining cubic metre of these pours planned, as early as trucks
   * allow, whatever the gaps. The pours take turns, the one whose concrete
   * runs out first choosing the next truck, so that a plant or a fleet too
   * small for all of them spreads the pauses instead of starving one pour.
   */
  private planToTheEnd(pourIndexes: readonly number[], appliedLog?: { pourIndex: number; applied: Applied }[]): void {
    const remaining = new Map(pourIndexes.map((i) => [i, this.pours[i].remainingM3]));
    const needNext = (i: number) => this.chainEnd[i] ?? this.pours[i].window.startMinute;
    for (;;) {
      let next: number | null = null;
      for (const [i, m3] of remaining) {
        if (m3 > EPSILON && (next === null || needNext(i) < needNext(next))) next = i;
      }
      if (next === null) break;
      const candidate = this.bestCandidate(next, needNext(next), remaining.get(next)!, Infinity);
      if (!candidate) {
        // No truck can reach it at all: what is left stays unplanned.
        remaining.set(next, -remaining.get(next)!);
        continue;
      }
      const applied = this.apply(next, candidate);
      appliedLog?.push({ pourIndex: next, applied });
      remaining.set(next, remaining.get(next)! - candidate.volumeM3);
    }
    for (const i of pourIndexes) {
      const plan = this.plans[i];
      const endMinute = this.pours[i].window.endMinute;
      const lastEnd = this.chainEnd[i];
      if (endMinute !== undefined && lastEnd !== null) plan.overrunMinutes = Math.max(0, lastEnd - endMinute);
      const late = Math.abs(remaining.get(i)!) > EPSILON || plan.coldJoints.length > 0 || plan.overrunMinutes > EPSILON;
      plan.status = late ? 'late' : 'complete';
    }
  }

  /**
   * Served whole, inside the window and the gap limit, or not at all. When a
   * load cannot follow the one before it within the gap limit, the one before
   * is held back just enough (and so on up the chain), which gives the trucks
   * the time to come round, and the chain is built again.
   */
  private planOpen(pourIndex: number): Applied[] {
    const pour = this.pours[pourIndex];
    const latestEnd = pour.window.endMinute ?? Infinity;
    const notBefore: number[] = [pour.window.startMinute + (this.delays?.[pourIndex] ?? 0)];
    const applied: Applied[] = [];
    let remaining = pour.remainingM3;
    let retimings = 0;
    while (remaining > EPSILON) {
      const previous = applied[applied.length - 1]?.candidate;
      const previousEnd = previous?.dischargeEndMinute ?? -Infinity;
      const candidate = this.bestCandidate(
        pourIndex,
        Math.max(previousEnd, notBefore[applied.length] ?? -Infinity),
        remaining,
        latestEnd,
      );
      const lateByMinutes =
        candidate && previous ? candidate.dischargeStartMinute - previousEnd - pour.maxGapMinutes : 0;
      if (candidate && lateByMinutes <= EPSILON) {
        applied.push(this.apply(pourIndex, candidate));
        remaining -= candidate.volumeM3;
        continue;
      }
      if (!candidate || !previous || ++retimings > MAX_RETIMINGS) break;
      // Everything before the held-back load stays as it was: the plan up to there does not change.
      const held = applied.length - 1;
      this.undo(pourIndex, applied.pop()!);
      remaining += previous.volumeM3;
      notBefore[held] = previous.dischargeStartMinute + lateByMinutes;
      notBefore.length = held + 1;
    }
    if (remaining <= EPSILON) return applied;
    for (let i = applied.length - 1; i >= 0; i--) this.undo(pourIndex, applied[i]);
    this.plans[pourIndex].status = 'unserved';
    return [];
  }

  bestCandidate(
    pourIndex: number,
    earliestStart: number,
    remainingM3: number,
    latestEnd: number,
    onlyTruck = -1,
  ): Candidate | null {
    const { travel, input, idleGroups } = this.context;
    const pour = this.pours[pourIndex];
    const choice = this.choices[pourIndex] ?? 'bigger_load';
    const reach = choice.endsWith('_in_reach') ? earliestStart + pour.maxGapMinutes : -Infinity;
    const setupMinutes = pour.siteSetupMinutes ?? 0;
    const pourPlants = this.context.pourPlants[pourIndex];
    let best: Candidate | null = null;
    // Many trucks stand at the same plant from the same minute: ask the plant once per wanted batch.
    let slotAnswers: Map<string, { earlier: number | null; later: number | null }> | null = null;
    // Trucks with nothing planned yet that stand at the same place from the same minute offer the same trip.
    let idleSeen = 0;
    const firstTruck = onlyTruck < 0 ? 0 : onlyTruck;
    const lastTruck = onlyTruck < 0 ? this.timelines.length - 1 : onlyTruck;
    for (let t = firstTruck; t <= lastTruck; t++) {
      const timeline = this.timelines[t];
      const truck = timeline.truck;
      if (onlyTruck < 0 && timeline.trips.length === 0) {
        const group = idleGroups[t];
        if (group < 31) {
          if (idleSeen & (1 << group)) continue;
          idleSeen |= 1 << group;
        } else if (this.idleAlikeSeen(group)) continue;
      }
      const volumeM3 = Math.min(truck.capacityM3, remainingM3);
      const durationMinutes = dischargeMinutes(truck, pour, volumeM3);
      // Stretches that end before the discharge could: skipped without a look.
      const firstGap = timeline.firstGapEndingAfter(earliestStart + durationMinutes);
      for (const plantIndex of pourPlants) {
        const plant = input.plants[plantIndex];
        const driveMinutes = travel.plantToPourAt(plantIndex, pourIndex);
        const leadMinutes = plant.loadingMinutes + driveMinutes + setupMinutes;
        // The fastest possible trip from this plant already outlives the concrete.
        if (!Number.isFinite(driveMinutes) || leadMinutes + durationMinutes > pour.maxAgeMinutes + EPSILON) continue;
        const slots = this.slots[plantIndex];
        for (let gap = firstGap; gap < timeline.gapCount; gap++) {
          const ready = Math.max(timeline.readyAt(gap, plantIndex), this.nowMinute);
          if (!Number.isFinite(ready)) continue;
          let start = Math.max(earliestStart, ready + leadMinutes);
          // Later stretches of this truck only start later.
          if (best && start > Math.max(best.dischargeStartMinute, reach) + EPSILON) break;
          // A gap too short for the trip on time is too short for it late.
          if (start + durationMinutes > latestEnd + EPSILON) break;
          const gapEnd = timeline.latestEnd(gap, pourIndex);
          if (start + durationMinutes > gapEnd + EPSILON) continue;
          let batch = start - leadMinutes;
          if (!slots.alwaysFree) {
            slotAnswers ??= new Map();
            const key = `${plantIndex} ${batch} ${ready}`;
            let answer = slotAnswers.get(key);
            if (!answer) {
              answer = { earlier: slots.latestFreeAtOrBefore(batch, ready), later: null };
              if (answer.earlier !== batch) answer.later = slots.earliestFreeAtOrAfter(batch);
              slotAnswers.set(key, answer);
            }
            const { earlier, later } = answer;
            if (earlier !== null && start + durationMinutes - earlier <= pour.maxAgeMinutes + EPSILON) {
              batch = earlier;
            } else {
              if (later === null) break;
              start += later - batch;
              batch = later;
            }
          }
          const end = start + durationMinutes;
          if (end > latestEnd + EPSILON) break;
          if (end > gapEnd + EPSILON) continue;
          const departMinute = batch + plant.loadingMinutes;
          const candidate: Candidate = {
            timeline,
            gap,
            plant: plantIndex,
            plantId: plant.id,
            volumeM3,
            batchMinute: batch,
            departMinute,
            arriveMinute: departMinute + driveMinutes,
            dischargeStartMinute: start,
            dischargeEndMinute: end,
            siteWaitMinutes: start - (departMinute + driveMinutes + setupMinutes),
            idleMinutes: batch - ready,
          };
          if (!best || isBetter(candidate, best, choice, reach)) best = candidate;
          break;
        }
      }
    }
    this.idleAlike.clear();
    return best;
  }

  /** Idle groups past the bit mask's reach, seen in the current `bestCandidate` call. */
  private readonly idleAlike = new Set<number>();

  private idleAlikeSeen(group: number): boolean {
    if (this.idleAlike.has(group)) return true;
    this.idleAlike.add(group);
    return false;
  }

  apply(pourIndex: number, candidate: Candidate): Applied {
    const pour = this.pours[pourIndex];
    const trip: Trip = {
      plantId: candidate.plantId,
      pourId: pour.id,
      plant: candidate.plant,
      pour: pourIndex,
      batchMinute: candidate.batchMinute,
      dischargeEndMinute: candidate.dischargeEndMinute,
    };
    candidate.timeline.insert(candidate.gap, trip);
    this.slots[candidate.plant].book(candidate.batchMinute);
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

  undo(pourIndex: number, { candidate, trip }: Applied): void {
    candidate.timeline.remove(trip);
    this.slots[candidate.plant].release(candidate.batchMinute);
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
      if (gapMinutes > pour.maxGapMinutes + EPSILON) {
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
      pumpIdleMinutes: 0,
      siteWaitMinutes: 0,
      truckMinutes: 0,
    };
    const started = new Set(this.context.startedPours);
    // Shortfall, minutes of pause beyond the limit and overrun: at a started pour first of all.
    const startedLateness = [0, 0, 0];
    let openLateness = 0;
    this.plans.forEach((plan, i) => {
      const pour = this.pours[i];
      let excessMinutes = 0;
      for (const gap of plan.coldJoints) {
        metrics.coldJoints += 1;
        excessMinutes += gap.gapMinutes - pour.maxGapMinutes;
      }
      metrics.coldJointExcessMinutes += excessMinutes;
      if (plan.status === 'unserved') metrics.unservedPours += 1;
      if (plan.status === 'complete') metrics.servedM3 += pour.remainingM3;
      metrics.pumpIdleMinutes += pumpIdleMinutes(pour, plan.loads, this.nowMinute);
      const proposed = plan.loads.filter((load) => load.loadInProgressId === undefined);
      const shortfallM3 = Math.max(0, pour.remainingM3 - proposed.reduce((sum, load) => sum + load.volumeM3, 0));
      if (started.has(i)) {
        startedLateness[0] += shortfallM3;
        startedLateness[1] += excessMinutes;
        startedLateness[2] += plan.overrunMinutes;
      } else if (plan.status === 'late') {
        openLateness += shortfallM3 * 60 + excessMinutes + plan.overrunMinutes;
      }
      for (const load of proposed) {
        metrics.siteWaitMinutes += load.siteWaitMinutes;
        metrics.truckMinutes +=
          load.dischargeEndMinute - load.batchMinute + this.context.travel.pourToPlant(pour.id, load.plantId);
      }
    });
    return {
      // Copies: the builder goes on to build other plans from these.
      pours: this.plans.map((plan) => ({ ...plan, loads: [...plan.loads], coldJoints: [...plan.coldJoints] })),
      metrics,
      key: [
        ...startedLateness,
        -metrics.servedM3,
        openLateness,
        metrics.pumpIdleMinutes,
        metrics.siteWaitMinutes,
        metrics.truckMinutes,
      ],
    };
  }
}

/**
 * Pauses at the pump from the last finished discharge, or the window's start,
 * through the planned ones; none before now, which no plan can change (and
 * which would otherwise make a pour waiting since long ago look worse to serve).
 */
function pumpIdleMinutes(pour: SchedulerPour, loads: readonly PlannedLoad[], nowMinute: number): number {
  let idle = 0;
  let previousEnd = Math.max(nowMinute, pour.lastDischargeEndMinute ?? pour.window.startMinute);
  for (const load of loads) {
    idle += Math.max(0, load.dischargeStartMinute - previousEnd);
    previousEnd = Math.max(previousEnd, load.dischargeEndMinute);
  }
  return idle;
}

/**
 * Earliest discharge first; among trucks that discharge equally early, the
 * pour's truck choice decides (a big load first means fewer trips; small ones
 * first make a short chain that lets the big truck come round), then less
 * waiting and the tightest fit.
 */
function isBetter(a: Candidate, b: Candidate, choice: TruckChoice, reach: number): boolean {
  const aInReach = a.dischargeStartMinute <= reach + EPSILON;
  const bInReach = b.dischargeStartMinute <= reach + EPSILON;
  if (aInReach !== bInReach) return aInReach;
  if (aInReach && choice === 'bigger_in_reach' && Math.abs(a.volumeM3 - b.volumeM3) > EPSILON) {
    return a.volumeM3 > b.volumeM3;
  }
  if (aInReach && choice === 'fit_in_reach' && Math.abs(a.idleMinutes - b.idleMinutes) > EPSILON) {
    return a.idleMinutes < b.idleMinutes;
  }
  if (Math.abs(a.dischargeStartMinute - b.dischargeStartMinute) > EPSILON) {
    return a.dischargeStartMinute < b.dischargeStartMinute;
  }
  if ((choice === 'bigger_load' || choice === 'smaller_load') && Math.abs(a.volumeM3 - b.volumeM3) > EPSILON) {
    return choice === 'bigger_load' ? a.volumeM3 > b.volumeM3 : a.volumeM3 < b.volumeM3;
  }
  if (Math.abs(a.siteWaitMinutes - b.siteWaitMinutes) > EPSILON) return a.siteWaitMinutes < b.siteWaitMinutes;
  return a.idleMinutes < b.idleMinutes - EPSILON;
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = a[i] - b[i];
    if (Math.abs(difference) > EPSILON) return difference;
  }
  return 0;
}
