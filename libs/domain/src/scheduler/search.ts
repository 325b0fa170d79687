import {
  compareKeys,
  construct,
  type Construction,
  type Genome,
  type PlanContext,
  TRUCK_CHOICES,
  type TruckChoice,
} from './construct';
import { type SeededRandom, seededRandom } from './rng';
import type { SchedulerOptions } from './types';

export const DEFAULT_MAX_ITERATIONS = 200;
/** Lateness of started pours, served volume, lateness of the rest: the search wanders freely among plans equal on these. */
const PRIMARY_TERMS = 5;

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

  let iterations = 0;
  const tryGenome = (genome: Genome) => {
    iterations += 1;
    return { genome, built: construct(context, genome) };
  };
  // Start from the best plan in which every pour picks its trucks the same way.
  let current = tryGenome(uniformGenome(context, TRUCK_CHOICES[0]));
  for (const choice of TRUCK_CHOICES.slice(1)) {
    if (iterations >= maxIterations) break;
    const next = tryGenome(uniformGenome(context, choice));
    if (compareKeys(next.built.key, current.built.key) < 0) current = next;
  }
  let best = current.built;
  while (iterations < maxIterations && context.input.pours.length > 0) {
    if (deadline !== null && clock!() >= deadline) break;
    const next = tryGenome(perturb(current.genome, current.built, random));
    if (compareKeys(next.built.key.slice(0, PRIMARY_TERMS), current.built.key.slice(0, PRIMARY_TERMS)) <= 0) {
      current = next;
      if (compareKeys(next.built.key, best.key) < 0) best = next.built;
    }
  }
  return { best, iterations };
}

function uniformGenome(context: PlanContext, choice: TruckChoice): Genome {
  return {
    openOrder: context.openPours,
    truckChoice: context.input.pours.map(() => choice),
  };
}

function perturb(genome: Genome, current: Construction, random: SeededRandom): Genome {
  const pourCount = genome.truckChoice.length;
  const unserved = current.pours.flatMap((plan, i) => (plan.status === 'unserved' ? [i] : []));
  const pickPour = () =>
    unserved.length > 0 && random.fraction() < 0.5 ? unserved[random.below(unserved.length)] : random.below(pourCount);
  if (genome.openOrder.length < 2 || random.fraction() < 0.2) {
    const truckChoice = [...genome.truckChoice];
    truckChoice[pickPour()] = TRUCK_CHOICES[random.below(TRUCK_CHOICES.length)];
    return { ...genome, truckChoice };
  }
  const order = [...genome.openOrder];
  const moves = 1 + random.below(Math.min(3, order.length));
  for (let m = 0; m < moves; m++) {
    const pick = random.below(order.length);
    const wanted = pickPour();
    const from = order.includes(wanted) ? order.indexOf(wanted) : pick;
    const [pour] = order.splice(from, 1);
    // An unserved pour is moved forward: it needs trucks before the pours that took them.
    const limit = current.pours[pour].status === 'unserved' ? from + 1 : order.length + 1;
    order.splice(random.below(limit), 0, pour);
  }
  return { ...genome, openOrder: order };
}
