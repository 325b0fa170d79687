import { compareKeys, type Construction, type Genome, type PlanContext, planInTimeOrder } from './construct';
import type { SearchBudget } from './time-order';

export interface FillLimits {
  /** Steps of the search in time order per set of pours tried. */
  stepsPerSet?: number;
  /** Trips looked at in all, over every set tried. */
  probes?: number;
  timeLeft?: () => boolean;
}

/**
 * Serves one more open pour than the best plan so far: the pours it serves
 * with one of those it leaves out (the largest first), or with it in place of
 * a smaller one, planned together by the search in time order (first with
 * each load as early as it can be, then also letting chains slow to their gap
 * limit). Repeats from each better plan found until no set works or the
 * limits are reached. The truck choices and start delays are the greedy
 * plan's.
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
    const sets: number[][] = unserved.map((u) => [...served, u]);
    for (const u of unserved)
      for (const v of served) if (volume(v) < volume(u)) sets.push([...served.filter((i) => i !== v), u]);
    let improved = false;
    for (const set of sets) {
      if (!timeLeft()) return best;
      for (const stretch of [false, true]) {
        const budget: SearchBudget = { nodes: limits.stepsPerSet ?? Infinity, timeLeft, stretch, probes: shared };
        const built = planInTimeOrder(context, greedy.genome, set, budget);
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
