import {
  compareKeys,
  type Construction,
  type Genome,
  type PlanContext,
  planInTimeOrder,
  planWithFlexibleTimes,
} from './construct';
import type { SearchBudget } from './time-order';

/** Pours taken in or left out at once, at most: the sets looked at lie this near the best plan's. */
const MAX_CHANGES = 4;
/**
 * Steps of each search per set tried, one pass after the other: most sets
 * that can be served are found quickly, a few only by a long search.
 */
const PASS_STEPS = [2_000, 20_000, 200_000] as const;
/** Beyond this many open pours the sets near the best are too many to look at. */
const MAX_OPEN_POURS = 24;

export interface ServedSetLimits {
  timeLeft: () => boolean;
}

type Verdict = { plan: Construction } | { plan: null; impossible: boolean };

/**
 * A search over which open pours are served, rather than how: sets of pours
 * near the best plan's (a few pours taken in, a few left out) that would
 * serve more are tried, nearest first and then the largest, each planned
 * anew and whole by the search with flexible times, then in time order
 * (loads as early as they can be, then chains slowed to their gap limit).
 * A set that serves more becomes the new best, and the search starts again
 * around it. Every pass gives each set a longer search than the one before.
 *
 * Set apart first: pours that cannot be served even alone, and pairs that
 * cannot be served together, and with them every set that holds them. That
 * is a judgement, not a proof: the search with flexible times went through
 * every way it knows with steps to spare, but it forgets states by a hash of
 * their trucks' last trips, so it may have passed a plan by. Where a plant
 * has a batch limit or opening hours, that search cannot tell, and nothing
 * is set apart.
 */
export function searchServedSets(
  context: PlanContext,
  genome: Genome,
  start: Construction,
  limits: ServedSetLimits,
): Construction {
  const open = context.openPours;
  if (open.length === 0 || open.length > MAX_OPEN_POURS) return start;
  const volume = (i: number) => context.input.pours[i].remainingM3;
  // The search with flexible times takes plants as free; where they are not, a plan it finds may not be booked.
  const plantsFree = context.input.plants.every((plant) => !plant.loadsPerHour && !plant.openingHours);

  const attempt = (set: readonly number[], steps: number): Verdict => {
    for (const way of ['flexible', 'early', 'stretch'] as const) {
      if (!limits.timeLeft()) return { plan: null, impossible: false };
      const budget: SearchBudget = { nodes: steps, timeLeft: limits.timeLeft, stretch: way === 'stretch' };
      const plan =
        way === 'flexible'
          ? planWithFlexibleTimes(context, genome, set, budget)
          : planInTimeOrder(context, genome, set, budget);
      if (plan) return { plan };
      // The search with flexible times ended with steps to spare: it went through every way it knows.
      if (way === 'flexible' && plantsFree && budget.nodes > 0) return { plan: null, impossible: true };
    }
    return { plan: null, impossible: false };
  };

  const alive = open.filter((i) => {
    const verdict = attempt([i], PASS_STEPS[0]);
    return verdict.plan !== null || !verdict.impossible;
  });
  const clashes = new Set<number>();
  for (let a = 0; a < alive.length; a++) {
    for (let b = a + 1; b < alive.length; b++) {
      const verdict = attempt([alive[a], alive[b]], PASS_STEPS[0]);
      if (verdict.plan === null && verdict.impossible) clashes.add(pairKey(alive[a], alive[b]));
    }
  }

  let best = start;
  let improved = true;
  while (improved && limits.timeLeft()) {
    improved = false;
    const sets = setsNear(best, alive, clashes, context, volume);
    for (const steps of PASS_STEPS) {
      for (const set of sets) {
        if (!limits.timeLeft()) return best;
        const verdict = attempt(set, steps);
        if (verdict.plan && compareKeys(verdict.plan.key, best.key) < 0) {
          best = verdict.plan;
          improved = true;
          break;
        }
      }
      if (improved) break;
    }
  }
  return best;
}

/**
 * The sets of pours that differ from the plan's served ones by at most
 * `MAX_CHANGES` pours, would serve more, and hold no pair that clashes;
 * the fewest changes first, then the most volume.
 */
function setsNear(
  plan: Construction,
  alive: readonly number[],
  clashes: ReadonlySet<number>,
  context: PlanContext,
  volume: (i: number) => number,
): number[][] {
  const served = context.openPours.filter((i) => plan.pours[i].status === 'complete');
  const servedM3 = served.reduce((sum, i) => sum + volume(i), 0);
  // A served pour may be left out even if it cannot be served alone here; one not alive is never taken in.
  const pool = [...new Set([...served, ...alive])];
  const found: { set: number[]; changes: number; m3: number }[] = [];
  const flips: number[] = [];
  const visit = (from: number) => {
    if (flips.length > 0) {
      const set = pool.filter((i) => served.includes(i) !== flips.includes(i));
      const m3 = set.reduce((sum, i) => sum + volume(i), 0);
      if (m3 > servedM3 && !holdsClash(set, clashes)) found.push({ set, changes: flips.length, m3 });
    }
    if (flips.length === MAX_CHANGES) return;
    for (let k = from; k < pool.length; k++) {
      flips.push(pool[k]);
      visit(k + 1);
      flips.pop();
    }
  };
  visit(0);
  return found.sort((a, b) => a.changes - b.changes || b.m3 - a.m3).map((entry) => entry.set);
}

/** One number for a pair of pours, whichever comes first. */
function pairKey(a: number, b: number): number {
  return Math.min(a, b) * 65_536 + Math.max(a, b);
}

function holdsClash(set: readonly number[], clashes: ReadonlySet<number>): boolean {
  if (clashes.size === 0) return false;
  for (let a = 0; a < set.length; a++)
    for (let b = a + 1; b < set.length; b++) if (clashes.has(pairKey(set[a], set[b]))) return true;
  return false;
}
