import { assertFinite, assertNonNegative, assertPositive } from '../input-guards';
import type { SchedulerInput } from './types';

/** Refuses an input that names what it does not define or carries impossible numbers. */
export function validateSchedulerInput(input: SchedulerInput): void {
  assertFinite('nowMinute', input.nowMinute);
  const plantIds = uniqueIds('plant', input.plants);
  const pourIds = uniqueIds('pour', input.pours);
  const truckIds = uniqueIds('truck', input.trucks);
  for (const plant of input.plants) {
    assertNonNegative(`plant ${plant.id} loadingMinutes`, plant.loadingMinutes);
    if (plant.loadsPerHour !== undefined) assertPositive(`plant ${plant.id} loadsPerHour`, plant.loadsPerHour);
    for (const hours of plant.openingHours ?? []) {
      assertFinite(`plant ${plant.id} opening fromMinute`, hours.fromMinute);
      assertFinite(`plant ${plant.id} opening untilMinute`, hours.untilMinute);
    }
  }
  for (const pour of input.pours) {
    const name = `pour ${pour.id}`;
    assertNonNegative(`${name} remainingM3`, pour.remainingM3);
    assertFinite(`${name} window startMinute`, pour.window.startMinute);
    if (pour.window.endMinute !== undefined) assertFinite(`${name} window endMinute`, pour.window.endMinute);
    assertPositive(`${name} pourRateM3PerHour`, pour.pourRateM3PerHour);
    assertNonNegative(`${name} maxGapMinutes`, pour.maxGapMinutes);
    assertPositive(`${name} maxAgeMinutes`, pour.maxAgeMinutes);
    if (pour.siteSetupMinutes !== undefined) assertNonNegative(`${name} siteSetupMinutes`, pour.siteSetupMinutes);
    if (pour.lastDischargeEndMinute !== undefined)
      assertFinite(`${name} lastDischargeEndMinute`, pour.lastDischargeEndMinute);
    for (const plantId of pour.plantIds) known(plantIds, plantId, `${name} names plant`);
  }
  for (const truck of input.trucks) {
    const name = `truck ${truck.id}`;
    assertPositive(`${name} capacityM3`, truck.capacityM3);
    known(plantIds, truck.homePlantId, `${name} has home plant`);
    assertFinite(`${name} freeFromMinute`, truck.freeFromMinute);
    if (truck.availableUntilMinute !== undefined)
      assertFinite(`${name} availableUntilMinute`, truck.availableUntilMinute);
    if (truck.fixedDischargeMinutes !== undefined)
      assertPositive(`${name} fixedDischargeMinutes`, truck.fixedDischargeMinutes);
    if (truck.freeAt.kind === 'plant') known(plantIds, truck.freeAt.plantId, `${name} is free at plant`);
    if (truck.freeAt.kind === 'pour') known(pourIds, truck.freeAt.pourId, `${name} is free at pour`);
  }
  const busyTrucks = new Set<string>();
  for (const load of input.loadsInProgress ?? []) {
    const name = `load in progress ${load.id}`;
    known(pourIds, load.pourId, `${name} names pour`);
    known(truckIds, load.truckId, `${name} names truck`);
    known(plantIds, load.plantId, `${name} names plant`);
    if (busyTrucks.has(load.truckId))
      throw new RangeError(`truck ${load.truckId} carries more than one load in progress`);
    busyTrucks.add(load.truckId);
    assertPositive(`${name} volumeM3`, load.volumeM3);
    assertFinite(`${name} batchMinute`, load.batchMinute);
    assertFinite(`${name} arriveMinute`, load.arriveMinute);
    if (load.dischargeStartMinute !== undefined)
      assertFinite(`${name} dischargeStartMinute`, load.dischargeStartMinute);
  }
  const options = input.options ?? {};
  if (options.maxIterations !== undefined) assertPositive('options.maxIterations', options.maxIterations);
  if (options.timeLimitMs !== undefined) assertNonNegative('options.timeLimitMs', options.timeLimitMs);
  if (options.seed !== undefined) assertFinite('options.seed', options.seed);
}

function uniqueIds(kind: string, items: readonly { id: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const { id } of items) {
    if (ids.has(id)) throw new RangeError(`${kind} ${id} appears twice`);
    ids.add(id);
  }
  return ids;
}

function known(ids: Set<string>, id: string, what: string): void {
  if (!ids.has(id)) throw new RangeError(`${what} ${id}, which is not in the input`);
}
