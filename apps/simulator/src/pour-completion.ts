import type { PourVolumesDto } from '@pourline/contracts';
import { type LoadStatus, NOT_RELEASED_STATUSES } from '@pourline/domain';

/** Less than this left to deliver is no load at all: the dispatch room orders nothing smaller. */
export const MIN_LOAD_M3 = 0.5;

/**
 * A pour under way is finished once its planned volume is in and nothing more
 * is coming: no concrete on the road or at the pump, none being batched for it.
 * Trucks still driving home empty do not keep it open.
 */
export function isPourDelivered(volumes: PourVolumesDto, loads: readonly { status: LoadStatus }[]): boolean {
  if (volumes.plannedM3 - volumes.deliveredM3 >= MIN_LOAD_M3) return false;
  if (volumes.inTransitM3 > 0) return false;
  return !loads.some((load) => NOT_RELEASED_STATUSES.includes(load.status));
}
