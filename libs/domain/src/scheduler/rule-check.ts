import { EPSILON_MINUTES } from './plant-slots';
import type { SchedulePlan, SchedulerInput } from './types';

/**
 * The scheduler's hard rules a plan breaks, one sentence each (none for a
 * sound plan): a truck carries one load at a time and drives between its
 * trips, a plant starts no more batches than it can, every load is discharged
 * by its deadline and not before it arrives, and a pour planned whole is
 * served inside its window, within its gap limit, one discharge at a time.
 * Checks the proposed loads of plants with no opening hours.
 */
export function planBreaks(input: SchedulerInput, plan: SchedulePlan): string[] {
  const breaks: string[] = [];
  const eps = EPSILON_MINUTES;
  const drive = (plantId: string, pourId: string) => input.travel.plantToPour[plantId][pourId];
  const back = (pourId: string, plantId: string) =>
    input.travel.pourToPlant?.[pourId]?.[plantId] ?? drive(plantId, pourId);
  const loads = plan.proposedLoads;
  for (const truck of input.trucks) {
    const own = loads.filter((load) => load.truckId === truck.id).sort((a, b) => a.batchMinute - b.batchMinute);
    for (let i = 1; i < own.length; i++) {
      const ready = own[i - 1].dischargeEndMinute + back(own[i - 1].pourId, own[i].plantId);
      if (own[i].batchMinute < ready - eps)
        breaks.push(`${truck.id} batches at ${own[i].batchMinute} before it is back at ${ready}`);
    }
  }
  for (const plant of input.plants) {
    if (plant.loadsPerHour === undefined) continue;
    const starts = loads
      .filter((load) => load.plantId === plant.id)
      .map((load) => load.batchMinute)
      .sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++)
      if (starts[i] - starts[i - 1] < 60 / plant.loadsPerHour - eps)
        breaks.push(`${plant.id} starts batches at ${starts[i - 1]} and ${starts[i]}`);
  }
  for (const load of loads) {
    const plant = input.plants.find((candidate) => candidate.id === load.plantId)!;
    if (load.batchMinute < input.nowMinute - eps) breaks.push(`a load is batched at ${load.batchMinute}, before now`);
    if (Math.abs(load.departMinute - load.batchMinute - plant.loadingMinutes) > eps)
      breaks.push(`a load leaves ${load.plantId} before it is loaded`);
    if (Math.abs(load.arriveMinute - load.departMinute - drive(load.plantId, load.pourId)) > eps)
      breaks.push(`a load reaches ${load.pourId} faster than the drive allows`);
    if (load.dischargeStartMinute < load.arriveMinute - eps)
      breaks.push(`a load discharges at ${load.pourId} before it arrives`);
    if (load.dischargeEndMinute > load.dischargeDeadlineMinute + eps)
      breaks.push(`a load at ${load.pourId} ends its discharge after its deadline`);
  }
  for (const pourPlan of plan.pours) {
    if (pourPlan.status !== 'complete') continue;
    const pour = input.pours.find((candidate) => candidate.id === pourPlan.pourId)!;
    const proposed = pourPlan.loads.filter((load) => load.loadInProgressId === undefined);
    if (proposed.reduce((sum, load) => sum + load.volumeM3, 0) < pour.remainingM3 - eps)
      breaks.push(`${pour.id} is called complete with less than its volume planned`);
    pourPlan.loads.forEach((load, i) => {
      if (load.dischargeStartMinute < pour.window.startMinute - eps)
        breaks.push(`${pour.id} discharges before its window`);
      if (pour.window.endMinute !== undefined && load.dischargeEndMinute > pour.window.endMinute + eps)
        breaks.push(`${pour.id} discharges after its window`);
      if (i === 0) return;
      const gap = load.dischargeStartMinute - pourPlan.loads[i - 1].dischargeEndMinute;
      if (gap < -eps) breaks.push(`${pour.id} has two discharges at once`);
      if (gap > pour.maxGapMinutes + eps) breaks.push(`${pour.id} pauses ${gap} minutes, over its gap limit`);
    });
  }
  return breaks;
}
