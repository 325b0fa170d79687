import { assertPositive } from './input-guards';

/** From the start of batching until a truck can leave the gate: batching, plant QC, the ticket. */
export const DEFAULT_PLANT_LOADING_MINUTES = 15;

/**
 * When the plant should send each waiting load of a pour so trucks reach the
 * pump at the pour's rhythm: the interval between arrivals is the truck load
 * divided by the placement rate, and the first truck leaves one trip ahead of
 * the planned start. A load already late shows as due now.
 */
export interface ReleasePlanInput {
  scheduledStart: Date;
  pourRateM3PerHour: number;
  /** Plant to site along the entry route. */
  travelMinutes: number;
  /** The latest departure already made for this pour, with the load it took, if any. */
  lastDeparture: { at: Date; volumeM3: number } | null;
  /** The pour's waiting loads in queue order. */
  waitingVolumesM3: readonly number[];
  now: Date;
}

export interface ReleaseTarget {
  releaseAt: Date;
  /** Past its target release: the pump is waiting or about to. */
  overdue: boolean;
}

export function intervalMinutes(volumeM3: number, pourRateM3PerHour: number): number {
  assertPositive('pourRateM3PerHour', pourRateM3PerHour);
  return (volumeM3 / pourRateM3PerHour) * 60;
}

export function releaseTargets(input: ReleasePlanInput): ReleaseTarget[] {
  assertPositive('pourRateM3PerHour', input.pourRateM3PerHour);
  const firstDeparture = input.scheduledStart.getTime() - input.travelMinutes * 60_000;
  const targets: ReleaseTarget[] = [];
  let previousDeparture = input.lastDeparture?.at.getTime() ?? null;
  let previousVolume = input.lastDeparture?.volumeM3 ?? 0;
  for (const volumeM3 of input.waitingVolumesM3) {
    // The next truck follows the one before it by the time the pump takes to place that one's load.
    const releaseMs =
      previousDeparture === null
        ? firstDeparture
        : Math.max(
            firstDeparture,
            previousDeparture + intervalMinutes(previousVolume, input.pourRateM3PerHour) * 60_000,
          );
    targets.push({ releaseAt: new Date(releaseMs), overdue: releaseMs < input.now.getTime() });
    previousDeparture = releaseMs;
    previousVolume = volumeM3;
  }
  return targets;
}

/** Minutes a truck takes from plant to site along a route of this length at a typical speed. */
export function travelMinutesFor(routeLengthM: number, typicalSpeedKmh: number): number {
  assertPositive('typicalSpeedKmh', typicalSpeedKmh);
  return (routeLengthM / 1000 / typicalSpeedKmh) * 60;
}
