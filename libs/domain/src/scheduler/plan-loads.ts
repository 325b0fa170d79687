import { idleSignature, type PlanContext } from './construct';
import { searchPlan } from './search';
import { TravelTable } from './travel-table';
import type { PlannedLoad, SchedulePlan, SchedulerInput, SchedulerLoadInProgress } from './types';
import { validateSchedulerInput } from './validate-input';

/**
 * Proposes, for every pour, the sequence of loads that serves it: plant,
 * truck, batch, departure, arrival and discharge. Hard rules: every load is
 * discharged before its deadline (batch plus the pour's max age), a plant
 * starts no more batches than it can, a truck carries one load at a time.
 * Objective, in order: no shortfall, cold joint or overrun at a started pour;
 * the most volume of open pours served whole inside their windows (the others
 * left out); the least lateness of open pours planned anyway; the fewest
 * minutes of pumps standing idle; the least truck waiting on site; the fewest
 * truck-minutes.
 *
 * Pure and deterministic: the same input (with its seed) gives the same plan,
 * unless a time limit with a clock cuts the search short.
 */
export function planLoads(input: SchedulerInput): SchedulePlan {
  validateSchedulerInput(input);
  const context = planContext(input);
  const { best, iterations } = searchPlan(context, input.options);
  const proposedLoads: PlannedLoad[] = best.pours
    .flatMap((plan) => plan.loads.filter((load) => load.loadInProgressId === undefined))
    .sort((a, b) => a.batchMinute - b.batchMinute || a.dischargeStartMinute - b.dischargeStartMinute);
  return { pours: best.pours, proposedLoads, metrics: best.metrics, iterations };
}

/** What every construction of this input shares: pours sorted into started and open, lookups by id. */
export function planContext(input: SchedulerInput): PlanContext {
  const pourIndex = new Map(input.pours.map((pour, i) => [pour.id, i]));
  const inProgress: SchedulerLoadInProgress[][] = input.pours.map(() => []);
  for (const load of input.loadsInProgress ?? []) inProgress[pourIndex.get(load.pourId)!].push(load);
  for (const loads of inProgress) {
    loads.sort(
      (a, b) =>
        (a.dischargeStartMinute ?? a.arriveMinute) - (b.dischargeStartMinute ?? b.arriveMinute) ||
        a.batchMinute - b.batchMinute,
    );
  }
  const started: { index: number; since: number }[] = [];
  const open: number[] = [];
  input.pours.forEach((pour, i) => {
    const firstInProgress = inProgress[i][0];
    if (pour.lastDischargeEndMinute !== undefined) started.push({ index: i, since: pour.lastDischargeEndMinute });
    else if (firstInProgress) started.push({ index: i, since: firstInProgress.arriveMinute });
    else open.push(i);
  });
  started.sort((a, b) => a.since - b.since || a.index - b.index);
  // The plain greedy order: the pour that may start first is planned first.
  open.sort(
    (a, b) =>
      input.pours[a].window.startMinute - input.pours[b].window.startMinute ||
      (input.pours[a].window.endMinute ?? Infinity) - (input.pours[b].window.endMinute ?? Infinity) ||
      a - b,
  );
  const travel = new TravelTable(input.travel, input.plants, input.pours);
  const groupOf = new Map<string, number>();
  const idleGroups = input.trucks.map((truck) => {
    const signature = idleSignature(truck);
    if (!groupOf.has(signature)) groupOf.set(signature, groupOf.size);
    return groupOf.get(signature)!;
  });
  return {
    input,
    travel,
    plantsById: new Map(input.plants.map((plant) => [plant.id, plant])),
    trucksById: new Map(input.trucks.map((truck) => [truck.id, truck])),
    inProgress,
    startedPours: started.map(({ index }) => index),
    openPours: open,
    idleGroups,
    pourPlants: input.pours.map((pour) => pour.plantIds.map((plantId) => travel.plantIndex.get(plantId)!)),
    firstReady: input.trucks.map((truck) =>
      Float64Array.from(input.plants, (plant) => truck.freeFromMinute + travel.placeToPlant(truck.freeAt, plant.id)),
    ),
    backMinutes: input.trucks.map((truck) =>
      Float64Array.from(input.pours, (pour) =>
        Math.min(...[truck.homePlantId, ...pour.plantIds].map((plantId) => travel.pourToPlant(pour.id, plantId))),
      ),
    ),
  };
}
