import {
  compareKeys,
  type Construction,
  type Genome,
  type PlanContext,
  planInTimeOrder,
  planWithFlexibleTimes,
  planWithInserted,
} from './construct';
import type { SearchBudget } from './time-order';

export interface FillLimits {
  /** Steps of the search in time order per set of pours tried. */
  stepsPerSet?: number;
  /** Trips looked at in all, over every set tried. */
  probes?: number;
  timeLeft?: () => boolean;
}

/** The ways a set of pours is tried, in this order: each finds plans the ones before it miss. */
const WAYS = ['insert', 'early', 'stretch', 'flexible'] as const;

/**
 * Serves one more open pour than the best plan so far: the pours it serves
 * with one of those it leaves out (the largest first), or with it in place of
 * a smaller one. Each set is tried in four ways: the new pour inserted into
 * the best plan's rounds of the trucks, their times moved to make room
 * (`insertWithFlexibleTimes`); the whole set planned anew in time order, with
 * each load as early as it can be, then also letting chains slow to their
 * gap limit (`searchInTimeOrder`); and anew with flexible times
 * (`searchWithFlexibleTimes`). Repeats from each better plan found until no
 * set works or the limits are reached. The truck choices and start delays are
 * the greedy plan's.
 */
export function fillIn(
  context: PlanContext,
  greedy: { genome: Genome; built: Construction },
  overall: Construction,
  limits: FillLimits,
): Construction {
  let best = compareKeys(overall.key, greedy.built.key) < 0 ? overall : greedy.built;
  const shared: { probes: number } = { probes: limits.probes ?? Infinity };
  const timeLeft = () => shared.probes > 0 && (limits.timeLeft?.() ?? true);
  const volume = (i: number) => context.input.pours[i].remainingM3;
  for (;;) {
    const served = context.openPours.filter((i) => best.pours[i].status === 'complete');
    const unserved = context.openPours
      .filter((i) => best.pours[i].status === 'unserved')
      .sort((a, b) => volume(b) - volume(a));
    const sets: { keep: number[]; insert: number[] }[] = unserved.map((u) => ({ keep: served, insert: [u] }));
    for (const u of unserved)
      for (const v of served)
        if (volume(v) < volume(u)) sets.push({ keep: served.filter((i) => i !== v), insert: [u] });
    let improved = false;
    for (const pours of sets) {
      if (!timeLeft()) return best;
      const set = [...pours.keep, ...pours.insert];
      for (const way of WAYS) {
        const budget: SearchBudget = {
          nodes: limits.stepsPerSet ?? Infinity,
          timeLeft,
          stretch: way === 'stretch',
          probes: shared,
        };
        const built =
          way === 'insert'
            ? planWithInserted(context, greedy.genome, best, pours, budget)
            : way === 'flexible'
              ? planWithFlexibleTimes(context, greedy.genome, set, budget)
              : planInTimeOrder(context, greedy.genome, set, budget);
        if (built && compareKeys(built.key, best.key) < 0) {
          best = built;
          improved = true;
          break;
        }
      }
      if (improved) break;
    }
    if (!improved) return best;
  }
}
