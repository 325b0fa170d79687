import type { LoadDto, PourDto } from '@pourline/contracts';
import { type PourVolumes, pourVolumes } from '@pourline/domain';
import { isDeadlineAtRisk } from '../live/liveAlerts';

export type PourPace = 'ahead' | 'on_pace' | 'behind' | 'not_started' | 'done';

/**
 * Half a truck either way is noise: loads come in whole drums, so a pour
 * is only ahead or behind once it is more than that, or 10 %, off the plan.
 */
const PACE_TOLERANCE_M3 = 6;
const PACE_TOLERANCE_SHARE = 0.1;

/**
 * Whether concrete poured or on its way keeps up with the planned rate since
 * the scheduled start. What is in transit counts: it is already committed.
 */
export function pourPace(pour: PourDto, volumes: PourVolumes, now: number): PourPace {
  if (pour.status === 'completed' || pour.status === 'cancelled') return 'done';
  const elapsedHours = (now - Date.parse(pour.scheduledStart)) / 3_600_000;
  const committedM3 = volumes.deliveredM3 + volumes.inTransitM3;
  if (elapsedHours <= 0 && committedM3 === 0) return 'not_started';
  const expectedM3 = Math.min(pour.volumeM3, pour.pourRateM3PerHour * Math.max(0, elapsedHours));
  if (committedM3 >= pour.volumeM3) return expectedM3 >= pour.volumeM3 ? 'on_pace' : 'ahead';
  const tolerance = Math.max(PACE_TOLERANCE_M3, expectedM3 * PACE_TOLERANCE_SHARE);
  if (committedM3 > expectedM3 + tolerance) return 'ahead';
  if (committedM3 < expectedM3 - tolerance) return 'behind';
  return 'on_pace';
}

export function liveVolumes(pour: PourDto, loads: readonly LoadDto[]): PourVolumes {
  return pourVolumes(loads, pour.volumeM3);
}

/** The soonest arrival among loads on their way. */
export function nextArrival(loads: readonly LoadDto[]): LoadDto | null {
  let next: LoadDto | null = null;
  for (const load of loads) {
    if (!load.eta || (load.status !== 'released' && load.status !== 'en_route')) continue;
    if (!next?.eta || Date.parse(load.eta.arrivesAt) < Date.parse(next.eta.arrivesAt)) next = load;
  }
  return next;
}

export interface PourIssues {
  rejectedTickets: string[];
  openNonConformances: number;
  atRiskTickets: string[];
}

export function pourIssues(loads: readonly LoadDto[], openNonConformances: number): PourIssues {
  return {
    rejectedTickets: loads.filter((load) => load.rejected).map((load) => load.ticketNumber),
    openNonConformances,
    atRiskTickets: loads.filter(isDeadlineAtRisk).map((load) => load.ticketNumber),
  };
}

export const issueCount = (issues: PourIssues) =>
  issues.rejectedTickets.length + issues.openNonConformances + issues.atRiskTickets.length;

const ACTIVE_FIRST: Record<PourDto['status'], number> = {
  in_progress: 0,
  ready: 1,
  confirmed: 2,
  draft: 3,
  completed: 4,
  cancelled: 5,
};

/** Active pours first, then by scheduled start. */
export function boardOrder(a: PourDto, b: PourDto): number {
  return ACTIVE_FIRST[a.status] - ACTIVE_FIRST[b.status] || Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart);
}
