import { assertNonNegative } from './input-guards';
import { type LoadVolume, pourVolumes } from './load-status';

/**
 * A site near the end of a pour measures what is left to fill and says "last
 * load X m³". What is still to be sent then becomes X, so the plan becomes
 * what is poured or on its way plus X, split the same way pourVolumes splits
 * it (rejected, held, disposed and cancelled loads count for nothing).
 */
export function plannedVolumeForRemaining(loads: readonly LoadVolume[], remainingM3: number): number {
  assertNonNegative('remainingM3', remainingM3);
  const { deliveredM3, inTransitM3 } = pourVolumes(loads, 0);
  // Volumes are read to the hundredth of a cubic metre; keep binary noise (0.1 + 0.2) out of the plan.
  return Math.round((deliveredM3 + inTransitM3 + remainingM3) * 100) / 100;
}

/** Only a pour under way has a "last load": before it starts the plan is changed by planning it. */
export function canSetRemainingVolume(status: string): boolean {
  return status === 'in_progress';
}
