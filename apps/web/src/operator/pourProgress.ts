import type { LoadDto, PourDto } from '@pourline/contracts';
import { LOAD_IN_TRANSIT_STATUSES, type PourVolumes, pourVolumes } from '@pourline/domain';
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
  // A pour under way is never "not started", even before its planned time.
  if (elapsedHours <= 0 && committedM3 === 0) return pour.status === 'in_progress' ? 'on_pace' : 'not_started';
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

/**
 * The truck the site deals with next, from the same loads the "in transit" volume counts: the one
 * at the pump, else the one waiting on site, else the soonest on the road (by ETA, then by its
 * place in the queue). Null only when nothing is in transit, so the card never says "in transit 24 m³" beside
 * "no truck on the way".
 */
export type NextTruck =
  | { kind: 'discharging'; load: LoadDto }
  | { kind: 'on_site'; load: LoadDto }
  | { kind: 'on_road'; load: LoadDto; arrivesAt: string | null };

const ROAD_ORDER = (load: LoadDto) => (load.eta ? Date.parse(load.eta.arrivesAt) : Number.POSITIVE_INFINITY);

export function nextTruck(loads: readonly LoadDto[]): NextTruck | null {
  const inTransit = loads.filter((load) => LOAD_IN_TRANSIT_STATUSES.includes(load.status));
  const discharging = inTransit.find((load) => load.status === 'discharging');
  if (discharging) return { kind: 'discharging', load: discharging };
  const waiting = inTransit.find((load) => load.status === 'on_site');
  if (waiting) return { kind: 'on_site', load: waiting };
  const road = inTransit
    .filter((load) => load.status === 'released' || load.status === 'en_route')
    .sort((a, b) => ROAD_ORDER(a) - ROAD_ORDER(b) || a.queuePosition - b.queuePosition);
  const first = road[0];
  return first ? { kind: 'on_road', load: first, arrivesAt: first.eta?.arrivesAt ?? null } : null;
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
