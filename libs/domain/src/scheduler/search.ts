import {
  compareKeys,
  Constructor,
  type Construction,
  type Genome,
  type PlanContext,
  TRUCK_CHOICES,
  type TruckChoice,
} from './construct';
import { fillIn } from './fill-in';
import { type SeededRandom, seededRandom } from './rng';
import { ruinAndRecreate } from './ruin-recreate';
import { searchServedSets } from './served-sets';
import type { SchedulerOptions } from './types';

export const DEFAULT_MAX_ITERATIONS = 20;
/** Lateness of started pours, served volume, lateness of the rest: the search wanders freely among plans equal on these. */
const PRIMARY_TERMS = 5;
/** Steps without a better plan, plus this many per open pour, before the search starts again elsewhere. */
const STALL_STEPS = 100;
const STALL_STEPS_PER_POUR = 5;
/** Share of the search's steps that move the start of one pour rather than the order or a truck choice. */
const DELAY_MOVES = 0.05;
/** Every this many restarts, one from an order drawn at random rather than from the best plan. */
const FRESH_RESTART_EVERY = 3;
/**
 * With a time limit, the search in time order takes a turn, from the greedy's
 * best plan, once the greedy has served no more for this share of the limit;
 * all its turns together take at most `FILL_TOTAL_SHARE` of the limit (on set
 * A of the public benchmark, more left the greedy too little time).
 */
const FILL_AFTER_STALL_SHARE = 0.4;
const FILL_TOTAL_SHARE = 0.12;
/** With a time limit, steps of the search in time order per set of pours tried. */
const FILL_STEPS_PER_SET = 200_000;
/** Without one, trips it may look at per iteration allowed to the search: it stays as quick as the rest. */
const FILL_PROBES_PER_ITERATION = 1_000;
/**
 * Restarts from the best plan of an epoch before the search starts a new
 * epoch from the plain genome in a random order (the best plan of all is
 * kept): a long search would otherwise keep shaking the same plan.
 */
const RESTARTS_PER_EPOCH = 150;
/**
 * With a time limit, the share of it the greedy gets (the search in time
 * order's turns included); ruin and recreate gets the rest. On set A of the
 * public benchmark, half and half served the most.
 */
const GREEDY_SHARE = 0.5;
/**
 * With a time limit, the search over served sets has the stretch of it
 * between these shares, from ruin and recreate's best plan; ruin and recreate
 * has the time before and after. On set A of the public benchmark, more for
 * the sets took too much from ruin and recreate, where the sets found nothing.
 */
const SETS_FROM_SHARE = 0.75;
const SETS_UNTIL_SHARE = 0.9;
/** Without one, trip looks per iteration allowed to ruin and recreate when a pour is still left out. */
const RECREATE_PROBES_PER_ITERATION = 1_000;

export interface SearchResult {
  best: Construction;
  iterations: number;
}

/**
 * Iterated greedy over the order in which open pours are planned: the order
 * decides which pours get the trucks first. Each step takes a few pours out
 * of the current order and puts them back elsewhere (a pour left unserved
 * nearer the front, often just before a pour that holds the trucks in its
 * window), rebuilds the plan, and keeps the new order unless it is worse.
 * When that many steps in a row bring no better plan, the search starts
 * again from the best plan shaken harder, and every third time from an order
 * drawn at random. Started pours always come first and are not reordered.
 *
 * When the best plan leaves pours out, the search in time order tries to
 * serve one more of them with the others (`fillIn`), and ruin and recreate
 * (`ruinAndRecreate`) takes pours out of the plan and puts them back into the
 * trucks' rounds with their times moved to make room. With a time limit, the
 * greedy (with the search in time order's turns whenever it has stalled)
 * has the first half of it and ruin and recreate the rest, from the best plan
 * found, except for a stretch near the end in which the search over served
 * sets (`searchServedSets`) plans anew sets of pours a few changes away from
 * the best. Without one, fill-in and ruin and recreate run once at the end,
 * each allowed as many trip looks as keep a re-plan quick.
 */
export function searchPlan(context: PlanContext, options: SchedulerOptions = {}): SearchResult {
  const maxIterations = Math.max(1, options.maxIterations ?? DEFAULT_MAX_ITERATIONS);
  const random = seededRandom(options.seed ?? 1);
  const clock = options.clock;
  const started = clock ? clock() : 0;
  const deadline = clock && options.timeLimitMs !== undefined ? started + options.timeLimitMs : null;
  const limitMs = options.timeLimitMs ?? Infinity;
  let fillLeftMs = limitMs * FILL_TOTAL_SHARE;
  let improvedAt = started;
  let filledFrom: Construction | null = null;

  let iterations = 0;
  const constructor = new Constructor(context);
  const tryGenome = (genome: Genome) => {
    iterations += 1;
    return { genome, built: constructor.build(genome) };
  };
  // Start from the best plan in which every pour picks its trucks the same way.
  let current = tryGenome(uniformGenome(context, TRUCK_CHOICES[0]));
  for (const choice of TRUCK_CHOICES.slice(1)) {
    if (iterations >= maxIterations) break;
    const next = tryGenome(uniformGenome(context, choice));
    if (compareKeys(next.built.key, current.built.key) < 0) current = next;
  }
  let best = current;
  let epochBest = current;
  /** The best plan of either search. */
  let overall = best.built;
  /** The new best plan; when it serves more (or is less late), the time is noted. */
  const becomesBest = (plan: { genome: Genome; built: Construction }) => {
    const primary = compareKeys(plan.built.key.slice(0, PRIMARY_TERMS), best.built.key.slice(0, PRIMARY_TERMS));
    if (primary < 0 && clock) improvedAt = clock();
    return plan;
  };
  const stallLimit = STALL_STEPS + STALL_STEPS_PER_POUR * context.openPours.length;
  let stalled = 0;
  let restarts = 0;
  while (iterations < maxIterations && context.input.pours.length > 0) {
    if (deadline !== null) {
      const now = clock!();
      if (now >= deadline || now - started >= limitMs * GREEDY_SHARE) break;
      if (filledFrom !== best.built && fillLeftMs > 0 && now - improvedAt >= limitMs * FILL_AFTER_STALL_SHARE) {
        filledFrom = best.built;
        const until = Math.min(deadline, now + fillLeftMs);
        overall = fillIn(context, best, overall, {
          stepsPerSet: FILL_STEPS_PER_SET,
          timeLeft: () => clock!() < until,
        });
        fillLeftMs -= clock!() - now;
        continue;
      }
    }
    if (stalled >= stallLimit) {
      restarts += 1;
      stalled = 0;
      const newEpoch = restarts % RESTARTS_PER_EPOCH === 0;
      current = tryGenome(restartGenome(context, restarts, epochBest, random));
      if (newEpoch || compareKeys(current.built.key, epochBest.built.key) < 0) epochBest = current;
      if (compareKeys(current.built.key, best.built.key) < 0) best = becomesBest(current);
      continue;
    }
    const next = tryGenome(perturb(context, current.genome, current.built, random));
    const primary = compareKeys(next.built.key.slice(0, PRIMARY_TERMS), current.built.key.slice(0, PRIMARY_TERMS));
    stalled = primary < 0 ? 0 : stalled + 1;
    if (primary <= 0) {
      current = next;
      if (compareKeys(next.built.key, epochBest.built.key) < 0) epochBest = next;
      if (compareKeys(next.built.key, best.built.key) < 0) best = becomesBest(next);
    }
  }
  if (compareKeys(best.built.key, overall.key) < 0) overall = best.built;
  if (deadline !== null) {
    // The search in time order's turn from the greedy's last best plan, if it has not had one.
    if (filledFrom !== best.built && fillLeftMs > 0 && best.built.metrics.unservedPours > 0) {
      const until = Math.min(deadline, clock!() + fillLeftMs);
      overall = fillIn(context, best, overall, { stepsPerSet: FILL_STEPS_PER_SET, timeLeft: () => clock!() < until });
    }
    // Ruin and recreate, then the search over served sets from its best plan, then ruin and recreate again.
    const setsFrom = started + limitMs * SETS_FROM_SHARE;
    const setsUntil = Math.min(deadline, started + limitMs * SETS_UNTIL_SHARE);
    overall = ruinAndRecreate(context, best.genome, overall, random, { timeLeft: () => clock!() < setsFrom });
    // Pours planned late are not served whole either.
    if (context.openPours.some((i) => overall.pours[i].status !== 'complete')) {
      overall = searchServedSets(context, best.genome, overall, { timeLeft: () => clock!() < setsUntil });
      overall = ruinAndRecreate(context, best.genome, overall, random, { timeLeft: () => clock!() < deadline });
    }
  } else if (best.built.metrics.unservedPours > 0) {
    overall = fillIn(context, best, overall, { probes: FILL_PROBES_PER_ITERATION * maxIterations });
    if (overall.metrics.unservedPours > 0) {
      const probes = RECREATE_PROBES_PER_ITERATION * maxIterations;
      overall = ruinAndRecreate(context, best.genome, overall, random, { probes });
    }
  }
  return { best: compareKeys(overall.key, best.built.key) < 0 ? overall : best.built, iterations };
}

/**
 * Where the search starts again after its `restarts`-th stall: at a new
 * epoch, the plain genome in a random order; every third time, the epoch's
 * best plan in a random order; otherwise that plan shaken.
 */
export function restartGenome(
  context: PlanContext,
  restarts: number,
  epochBest: { genome: Genome; built: Construction },
  random: SeededRandom,
): Genome {
  if (restarts % RESTARTS_PER_EPOCH === 0) {
    return { ...uniformGenome(context, TRUCK_CHOICES[0]), openOrder: shuffled(context.openPours, random) };
  }
  if (restarts % FRESH_RESTART_EVERY === 0)
    return { ...epochBest.genome, openOrder: shuffled(context.openPours, random) };
  return kicked(context, epochBest, random);
}

/** The best plan's genome after a few perturbations in a row. */
function kicked(context: PlanContext, best: { genome: Genome; built: Construction }, random: SeededRandom): Genome {
  let genome = best.genome;
  const kicks = 2 + random.below(Math.max(1, Math.min(6, context.openPours.length)));
  for (let k = 0; k < kicks; k++) genome = perturb(context, genome, best.built, random);
  return genome;
}

function shuffled(order: readonly number[], random: SeededRandom): number[] {
  const result = [...order];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * Places in the order, before `before`, of the pours whose planned
 * discharges overlap the window of `pourIndex`: the ones holding the trucks it
 * would need then. Planned ahead of them, it gets those trucks first.
 */
export function rivalPlaces(
  context: PlanContext,
  current: Construction,
  order: readonly number[],
  before: number,
  pourIndex: number,
): number[] {
  const { window } = context.input.pours[pourIndex];
  const places: number[] = [];
  for (let at = 0; at < before; at++) {
    const loads = current.pours[order[at]].loads;
    if (loads.length === 0) continue;
    const from = loads[0].dischargeStartMinute;
    const until = loads[loads.length - 1].dischargeEndMinute;
    if (from < (window.endMinute ?? Infinity) && until > window.startMinute) places.push(at);
  }
  return places;
}

function uniformGenome(context: PlanContext, choice: TruckChoice): Genome {
  return {
    openOrder: context.openPours,
    truckChoice: context.input.pours.map(() => choice),
  };
}

function perturb(context: PlanContext, genome: Genome, current: Construction, random: SeededRandom): Genome {
  const pourCount = genome.truckChoice.length;
  const unserved = current.pours.flatMap((plan, i) => (plan.status === 'unserved' ? [i] : []));
  const pickPour = () =>
    unserved.length > 0 && random.fraction() < 0.5 ? unserved[random.below(unserved.length)] : random.below(pourCount);
  const draw = random.fraction();
  if (draw < DELAY_MOVES && context.openPours.length > 0) {
    return {
      ...genome,
      startDelay: delayed(context, genome, context.openPours[random.below(context.openPours.length)], random),
    };
  }
  if (genome.openOrder.length < 2 || draw < DELAY_MOVES + 0.2 * (1 - DELAY_MOVES)) {
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
    const wasUnserved = current.pours[pour].status === 'unserved';
    const rivals = wasUnserved && random.fraction() < 0.5 ? rivalPlaces(context, current, order, from, pour) : [];
    const to =
      rivals.length > 0 ? rivals[random.below(rivals.length)] : random.below(wasUnserved ? from + 1 : order.length + 1);
    order.splice(to, 0, pour);
  }
  return { ...genome, openOrder: order };
}

/**
 * The genome's start delays with one pour's changed: back to none, nudged by
 * up to ten minutes, or anywhere in its window (an hour past its start when
 * the window has no end).
 */
export function delayed(context: PlanContext, genome: Genome, pourIndex: number, random: SeededRandom): number[] {
  const { window } = context.input.pours[pourIndex];
  const span = Math.max(0, Math.floor((window.endMinute ?? window.startMinute + 60) - window.startMinute));
  const delays = genome.startDelay ? [...genome.startDelay] : context.input.pours.map(() => 0);
  const draw = random.fraction();
  if (draw < 0.3) delays[pourIndex] = 0;
  else if (draw < 0.65) delays[pourIndex] = Math.min(span, Math.max(0, delays[pourIndex] + random.below(21) - 10));
  else delays[pourIndex] = random.below(span + 1);
  return delays;
}
