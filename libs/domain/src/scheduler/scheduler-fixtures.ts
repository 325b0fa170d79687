import type { SchedulerInput, SchedulerPlant, SchedulerPour, SchedulerTruck } from './types';

/** Small hand-checkable scenarios for the scheduler's tests. */
export function plant(id: string, overrides: Partial<SchedulerPlant> = {}): SchedulerPlant {
  return { id, loadingMinutes: 10, ...overrides };
}

export function pour(id: string, overrides: Partial<SchedulerPour> = {}): SchedulerPour {
  return {
    id,
    remainingM3: 30,
    window: { startMinute: 60 },
    pourRateM3PerHour: 30,
    maxGapMinutes: 30,
    maxAgeMinutes: 90,
    mixId: 'C30',
    plantIds: ['P1'],
    ...overrides,
  };
}

export function truck(id: string, overrides: Partial<SchedulerTruck> = {}): SchedulerTruck {
  return {
    id,
    capacityM3: 10,
    homePlantId: 'P1',
    freeAt: { kind: 'plant', plantId: 'P1' },
    freeFromMinute: 0,
    ...overrides,
  };
}

/** Every plant 15 minutes from every pour unless told otherwise. */
export function scenario(
  parts: Partial<SchedulerInput> & { minutes?: Record<string, Record<string, number>> },
): SchedulerInput {
  const plants = parts.plants ?? [plant('P1')];
  const pours = parts.pours ?? [pour('A')];
  const plantToPour: Record<string, Record<string, number>> = {};
  for (const p of plants) {
    plantToPour[p.id] = {};
    for (const o of pours) plantToPour[p.id][o.id] = parts.minutes?.[p.id]?.[o.id] ?? 15;
  }
  return {
    nowMinute: 0,
    plants,
    pours,
    trucks: parts.trucks ?? [truck('T1'), truck('T2')],
    travel: parts.travel ?? { plantToPour },
    loadsInProgress: parts.loadsInProgress,
    options: parts.options,
  };
}
