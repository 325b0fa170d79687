import { performance } from 'node:perf_hooks';
import {
  planLoads,
  type SchedulePlan,
  type SchedulerInput,
  type SchedulerLoadInProgress,
  type SchedulerTruck,
} from '@pourline/domain';
import { type DayState, type Dispatch, type DispatchPolicy, type SimLoad, stillNeededM3 } from './day-simulation';

/** Plans keep this much of the concrete's life in hand for traffic. */
const AGE_BUFFER_MINUTES = 10;
/** Re-plans at least this often, and at once after a rejection, a breakdown or a rate change. */
const REPLAN_EVERY_MINUTES = 5;
const ACTIVE: readonly SimLoad['phase'][] = ['to_plant', 'waiting_slot', 'en_route', 'queued', 'discharging'];

/**
 * Dispatch by the product's scheduler: the day's state is turned into the
 * scheduler's input as the API would, the plan is kept until the next
 * re-plan, and a truck is sent when its planned batch is due (less the drive
 * to that plant).
 */
export class SchedulerPolicy implements DispatchPolicy {
  readonly name = 'scheduler';
  readonly replanMs: number[] = [];
  /** CPU time of the same re-plans: what they cost on a machine others share. */
  readonly replanCpuMs: number[] = [];
  private plan: SchedulePlan | null = null;
  private plannedAt = -Infinity;
  private disturbancesSeen = 0;
  private readonly sent = new Set<string>();

  constructor(private readonly options: { maxIterations: number; seed: number }) {}

  decide(day: DayState, nowMinute: number): Dispatch[] {
    if (
      !this.plan ||
      nowMinute - this.plannedAt >= REPLAN_EVERY_MINUTES ||
      day.disturbanceCount !== this.disturbancesSeen
    ) {
      const input = schedulerInput(day, nowMinute, this.options);
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      this.plan = planLoads(input);
      const cpu = process.cpuUsage(cpuBefore);
      this.replanMs.push(performance.now() - started);
      this.replanCpuMs.push((cpu.user + cpu.system) / 1000);
      this.plannedAt = nowMinute;
      this.disturbancesSeen = day.disturbanceCount;
      this.sent.clear();
    }
    const dispatches: Dispatch[] = [];
    const trucks = new Map(day.trucks.map((truck) => [truck.id, truck]));
    for (const load of this.plan.proposedLoads) {
      const key = `${load.truckId}@${load.batchMinute}`;
      const truck = trucks.get(load.truckId)!;
      if (this.sent.has(key) || truck.broken || truck.load || truck.freeFromMinute > nowMinute) continue;
      const driveMinutes = truck.plantId === load.plantId ? 0 : day.travel(truck.plantId, load.plantId);
      if (load.batchMinute - driveMinutes > nowMinute + 1e-9) continue;
      const pour = day.pours.find((candidate) => candidate.pour.id === load.pourId)!;
      const volumeM3 = Math.min(load.volumeM3, stillNeededM3(day, pour));
      if (volumeM3 <= 1e-9) continue;
      this.sent.add(key);
      dispatches.push({ truckId: load.truckId, pourId: load.pourId, plantId: load.plantId, volumeM3 });
    }
    return dispatches;
  }
}

/** What the API knows at this minute, in the scheduler's terms. */
export function schedulerInput(
  day: DayState,
  nowMinute: number,
  options: { maxIterations: number; seed: number },
): SchedulerInput {
  const { scenario } = day;
  const plantIds = scenario.plants.map((plant) => plant.id);
  const pourIds = scenario.pours.map((pour) => pour.id);
  const active = day.loads.filter((load) => ACTIVE.includes(load.phase));
  const pours = day.pours.filter(
    (pour) => stillNeededM3(day, pour) > 1e-9 || active.some((load) => load.pourId === pour.pour.id),
  );
  // Learned travel times: planned minutes scaled by what the legs driven so far took.
  const ratios = day.observedTravelRatios;
  const learned = ratios.length === 0 ? 1 : ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
  const travel = (from: string, to: string) => day.travel(from, to) * learned;
  // Trucks waiting at a plant batch one after the other, as the plant allows.
  const nextBatch = new Map(
    scenario.plants.map((plant) => [
      plant.id,
      Math.max(nowMinute, (day.lastBatchAt.get(plant.id) ?? -Infinity) + 60 / plant.loadsPerHour),
    ]),
  );
  const loadsInProgress: SchedulerLoadInProgress[] = active
    .filter((load) => pours.some((pour) => pour.pour.id === load.pourId))
    .sort((a, b) => a.atPlantMinute - b.atPlantMinute)
    .map((load) => {
      const plant = scenario.plants.find((candidate) => candidate.id === load.plantId)!;
      let batchMinute = load.batchMinute;
      if (batchMinute === undefined) {
        batchMinute = Math.max(nextBatch.get(plant.id)!, load.atPlantMinute);
        nextBatch.set(plant.id, batchMinute + 60 / plant.loadsPerHour);
      }
      const expected = batchMinute + plant.loadingMinutes + travel(load.plantId, load.pourId);
      // A truck not there by its ETA is expected any minute now.
      const arriveMinute =
        load.arriveMinute !== undefined && load.arriveMinute <= nowMinute
          ? load.arriveMinute
          : Math.max(
              load.departMinute === undefined ? expected : load.departMinute + travel(load.plantId, load.pourId),
              nowMinute,
            );
      return {
        id: load.id,
        pourId: load.pourId,
        truckId: load.truckId,
        plantId: load.plantId,
        volumeM3: load.volumeM3,
        batchMinute,
        arriveMinute,
        dischargeStartMinute: load.dischargeStartMinute,
      };
    });
  const trucks: SchedulerTruck[] = day.trucks
    .filter((truck) => !truck.broken)
    .map((truck) => ({
      id: truck.id,
      capacityM3: truck.capacityM3,
      homePlantId: truck.homePlantId,
      freeAt: { kind: 'plant', plantId: truck.plantId },
      freeFromMinute: Math.max(nowMinute, truck.freeFromMinute),
    }));
  const table = (from: readonly string[], to: readonly string[]) =>
    Object.fromEntries(from.map((a) => [a, Object.fromEntries(to.map((b) => [b, travel(a, b)]))]));
  return {
    nowMinute,
    plants: scenario.plants.map(({ id, loadingMinutes, loadsPerHour }) => ({ id, loadingMinutes, loadsPerHour })),
    pours: pours.map((pour) => ({
      id: pour.pour.id,
      remainingM3: stillNeededM3(day, pour),
      window: { startMinute: pour.pour.scheduledStartMinute, endMinute: pour.pour.latestEndMinute },
      pourRateM3PerHour: pour.knownRateM3PerHour,
      maxGapMinutes: pour.pour.maxGapMinutes,
      maxAgeMinutes: pour.pour.maxAgeMinutes - AGE_BUFFER_MINUTES,
      mixId: 'C30',
      plantIds: pour.pour.plantIds,
      siteSetupMinutes: pour.pour.siteSetupMinutes,
      lastDischargeEndMinute: pour.lastDischargeEndMinute ?? undefined,
      // Every pour of the day is confirmed: served late rather than not at all.
      planEvenIfLate: true,
    })),
    trucks,
    loadsInProgress,
    travel: { plantToPour: table(plantIds, pourIds), plantToPlant: table(plantIds, plantIds) },
    options,
  };
}
