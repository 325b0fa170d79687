import type { LoadStatus } from './load-status';

/** Below this many minutes to its deadline a load not yet poured is at risk of going off. */
export const DEADLINE_RISK_MINUTES = 15;

/** Concrete batched and not yet discharged: the loads whose deadline can still be missed. */
export const NOT_YET_POURED: readonly LoadStatus[] = ['released', 'en_route', 'on_site'];

/**
 * A load is at risk when its truck will not arrive in time to discharge before
 * the deadline, or when little time is left whatever the ETA says.
 */
export function isDeadlineAtRisk(load: {
  status: LoadStatus;
  rejected: boolean;
  minutesToDeadline: number | null;
  etaBeatsDeadline: boolean | null;
}): boolean {
  if (!NOT_YET_POURED.includes(load.status) || load.rejected) return false;
  if (load.etaBeatsDeadline === false) return true;
  return load.minutesToDeadline !== null && load.minutesToDeadline < DEADLINE_RISK_MINUTES;
}
