import { compareKeys, construct, type Construction, type PlanContext } from './construct';
import { type SeededRandom, seededRandom } from './rng';
import type { SchedulerOptions } from './types';

export const DEFAULT_MAX_ITERATIONS = 200;

export interface SearchResult {
  best: Construction;
  iterations: number;
}

/**
 * Iterated greedy over the order in which open pours are planned: the order
 * decides which pours get the trucks first. Each step takes a few pours out
 * of the current order and puts them back elsewhere (a pour left unserved
 * more likely nearer the front), rebuilds the plan, and keeps the new order
 * unless it is worse. Started pours always come first and are not reordered.
 */
export function searchPlan(context: PlanContext, options: SchedulerOptions = {}): SearchResult {
  const maxIterations = Math.max(1, options.maxIterations ?? DEFAULT_MAX_ITERATIONS);
  const random = seededRandom(options.seed ?? 1);
  const clock = options.clock;
  const deadline = clock && options.timeLimitMs !== undefined ? clock() + options.timeLimitMs : null;

  let order = [...context.openPours];
  let current = construct(context, order);
  let best = current;
  let iterations = 1;
  while (iterations < maxIterations && order.length > 1) {
    if (deadline !== null && clock!() >= deadline) break;
    const next = perturb(order, current, random);
    const built = construct(context, next);
    iterations += 1;
    if (compareKeys(built.key, current.key) <= 0) {
      order = next;
      current = built;
      if (compareKeys(built.key, best.key) < 0) best = built;
    }
  }
  return { best, iterations };
}

function perturb(order: readonly number[], current: Construction, random: SeededRandom): number[] {
  const next = [...order];
  const unserved = next.filter((i) => current.pours[i].status === 'unserved');
  const moves = 1 + random.below(Math.min(3, next.length));
  for (let m = 0; m < moves; m++) {
    const pick =
      unserved.length > 0 && random.fraction() < 0.5
        ? next.indexOf(unserved[random.below(unserved.length)])
        : random.below(next.length);
    const [pour] = next.splice(pick, 1);
    // An unserved pour is moved forward: it needs trucks before the pours that took them.
    const limit = current.pours[pour].status === 'unserved' ? Math.min(pick, next.length) + 1 : next.length + 1;
    next.splice(random.below(limit), 0, pour);
  }
  return next;
}
