import type { Construction } from './construct';
import type { SchedulePlan, SchedulerInput, SchedulerPlant, SchedulerPour, SchedulerTruck } from './types';

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

/** A built plan as the scheduler returns it, for `planBreaks`. */
export function asSchedulePlan(built: Pick<Construction, 'pours' | 'metrics'>): SchedulePlan {
  return {
    pours: built.pours,
    proposedLoads: built.pours.flatMap((p) => p.loads),
    metrics: built.metrics,
    iterations: 0,
  };
}

/** Per pour, its loads as "truck batch start-end". */
export function loadRows(built: Pick<Construction, 'pours'>): string[][] {
  return built.pours.map((plan) =>
    plan.loads.map(
      (load) => `${load.truckId} ${load.batchMinute} ${load.dischargeStartMinute}-${load.dischargeEndMinute}`,
    ),
  );
}

/**
 * One plant that loads at once, two trucks of 10 m³ that discharge in 10
 * minutes, both sites 5 minutes away. S1 (20 m³) may run any time until 100;
 * S2 (20 m³) only until 30, without a pause. Planned first, S1 takes both
 * trucks at 5–25 and leaves S2 out.
 */
export function aPourThatMustGoFirst(): SchedulerInput {
  return scenario({
    plants: [plant('P1', { loadingMinutes: 0 })],
    pours: [
      pour('S1', { remainingM3: 20, window: { startMinute: 0, endMinute: 100 }, maxGapMinutes: 10 }),
      pour('S2', { remainingM3: 20, window: { startMinute: 0, endMinute: 30 }, maxGapMinutes: 0 }),
    ],
    trucks: ['T1', 'T2'].map((id) => truck(id, { fixedDischargeMinutes: 10 })),
    minutes: { P1: { S1: 5, S2: 5 } },
  });
}
