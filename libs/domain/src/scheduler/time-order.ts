import type { Applied, Candidate, PlanContext } from './construct';
import { EPSILON_MINUTES } from './plant-slots';
import { minuteBits, mix } from './state-hash';
import type { TruckTimeline } from './truck-timeline';

/** Read once into a local: an imported binding may be looked up anew on every use. */
const EPSILON = EPSILON_MINUTES;
/** States a search in time order remembers as dead ends. */
const MAX_FAILED_STATES = 200_000;

/** Steps a search in time order may take, and a clock it stops by. */
export interface SearchBudget {
  nodes: number;
  timeLeft?: () => boolean;
  /** Whether a chain under way may also be slowed to its gap limit (a wider search). */
  stretch?: boolean;
  /** Trips it may look at, shared with other searches; each look takes one. */
  probes?: { probes: number };
}

/** What the search in time order needs of a plan being built. */
export interface TimeOrderHost {
  readonly context: PlanContext;
  readonly timelines: readonly TruckTimeline[];
  /** The end of the pour's last planned discharge, or null when it has none. */
  chainEndOf(pourIndex: number): number | null;
  /** Minutes after its window's start before which the pour may not begin. */
  startDelayOf(pourIndex: number): number;
  /** The trip of this truck that discharges earliest at or after `earliestStart`. */
  bestCandidate(
    pourIndex: number,
    earliestStart: number,
    remainingM3: number,
    latestEnd: number,
    onlyTruck: number,
  ): Candidate | null;
  apply(pourIndex: number, candidate: Candidate): Applied;
  undo(pourIndex: number, applied: Applied): void;
}

interface Option {
  setPlace: number;
  candidate: Candidate;
  started: boolean;
  late: boolean;
}

/**
 * Plans loads for every pour of the set, whole, all of them together in time
 * order; true when it succeeds (the loads stay applied to the host), false
 * when the budget runs out or no plan exists (nothing stays applied).
 *
 * A depth-first search: each step gives the next load to one pour of the set
 * (a chain under way or a pour not yet begun), trying first the load that can
 * discharge earliest, and steps back when a chain can no longer be kept within
 * its gap limit. Unlike the pour-by-pour construction, pours whose windows
 * overlap share the trucks load by load, a truck going from one to the other.
 * With `stretch`, a load of a chain under way may also wait to the end of its
 * gap limit, which slows the chain so that trucks can come round.
 *
 * States found to lead nowhere are remembered by a hash in which trucks alike
 * in kind and last trip are interchangeable; a false match (two 32-bit hashes)
 * is a few in a million and only makes the search miss a plan.
 */
export function searchInTimeOrder(host: TimeOrderHost, pourSet: readonly number[], budget: SearchBudget): boolean {
  const { context, timelines } = host;
  const { idleGroups } = context;
  const pours = context.input.pours;
  const set = [...pourSet];
  const remaining = set.map((i) => pours[i].remainingM3);
  const failed = new Set<number>();
  /** Each truck's hashed state, written by `stateKey` at every step and read by `optionsAt` after it. */
  const truckHashes = new Float64Array(timelines.length);
  let steps = 0;

  const stateKey = (now: number): number => {
    // Summed, the trucks' hashes do not depend on their order.
    let a = 0;
    let b = 0;
    for (let t = 0; t < timelines.length; t++) {
      const hash = truckState(timelines[t], idleGroups[t]);
      truckHashes[t] = hash;
      a = (a + hash) >>> 0;
      b = (b + mix(hash, 0x51ed27)) >>> 0;
    }
    a = mix(a, minuteBits(now));
    for (let k = 0; k < set.length; k++) {
      const end = minuteBits(host.chainEndOf(set[k]) ?? -1);
      a = mix(mix(a, minuteBits(remaining[k])), end);
      b = mix(mix(b, minuteBits(remaining[k])), end);
    }
    return a * 0x100000 + (b & 0xfffff);
  };

  const search = (now: number): boolean => {
    if (budget.nodes-- <= 0) return false;
    if (budget.probes && budget.probes.probes <= 0) budget.nodes = 0;
    if (++steps % 256 === 0 && budget.timeLeft && !budget.timeLeft()) budget.nodes = 0;
    let done = true;
    // The latest start of the chain under way that needs its next load first: a load after it would break that chain.
    let due = Infinity;
    for (let k = 0; k < set.length; k++) {
      if (remaining[k] <= EPSILON) continue;
      done = false;
      const end = host.chainEndOf(set[k]);
      if (end === null) continue;
      const latestStart = end + pours[set[k]].maxGapMinutes;
      if (latestStart < now - EPSILON) return false;
      due = Math.min(due, latestStart);
    }
    if (done) return true;
    const key = stateKey(now);
    if (failed.has(key)) return false;
    const options = optionsAt(now, due);
    if (options === null) {
      remember(key);
      return false;
    }
    for (const { setPlace, candidate } of options) {
      const step = host.apply(set[setPlace], candidate);
      remaining[setPlace] -= candidate.volumeM3;
      if (search(candidate.dischargeStartMinute)) return true;
      remaining[setPlace] += candidate.volumeM3;
      host.undo(set[setPlace], step);
      if (budget.nodes <= 0) return false;
    }
    remember(key);
    return false;
  };

  const remember = (key: number) => {
    if (failed.size < MAX_FAILED_STATES) failed.add(key);
  };

  /** The loads that may come next, best first; null when a pour of the set can no longer be served. */
  const optionsAt = (now: number, due: number): Option[] | null => {
    const options: Option[] = [];
    for (let k = 0; k < set.length; k++) {
      if (remaining[k] <= EPSILON) continue;
      const pourIndex = set[k];
      const pour = pours[pourIndex];
      const end = host.chainEndOf(pourIndex);
      const from = Math.max(now, end ?? pour.window.startMinute + host.startDelayOf(pourIndex));
      // It cannot come next: a chain under way is due first. Whether it is still possible is judged later.
      if (from > due + EPSILON) continue;
      const latestStart = end === null ? Infinity : end + pour.maxGapMinutes;
      const latestEnd = pour.window.endMinute ?? Infinity;
      let found = false;
      for (let t = 0; t < timelines.length; t++) {
        // A truck in the same state as one before it offers the same trips.
        let alike = false;
        for (let u = 0; u < t && !alike; u++) alike = truckHashes[u] === truckHashes[t];
        if (alike) continue;
        if (budget.probes) budget.probes.probes -= 1;
        const candidate = host.bestCandidate(pourIndex, from, remaining[k], latestEnd, t);
        if (!candidate || candidate.dischargeStartMinute > latestStart + EPSILON) continue;
        found = true;
        if (candidate.dischargeStartMinute > due + EPSILON) continue;
        options.push({ setPlace: k, candidate, started: end !== null, late: false });
        if (
          budget.stretch &&
          end !== null &&
          candidate.dischargeStartMinute < latestStart - EPSILON &&
          latestStart <= due + EPSILON
        ) {
          if (budget.probes) budget.probes.probes -= 1;
          const late = host.bestCandidate(pourIndex, latestStart, remaining[k], latestEnd, t);
          if (late && late.dischargeStartMinute <= latestStart + EPSILON)
            options.push({ setPlace: k, candidate: late, started: true, late: true });
        }
      }
      // Trucks only get busier as loads are added: a pour no truck can serve now never will be.
      if (!found) return null;
    }
    options.sort(
      (a, b) =>
        Number(a.late) - Number(b.late) ||
        a.candidate.dischargeStartMinute - b.candidate.dischargeStartMinute ||
        Number(b.started) - Number(a.started) ||
        b.candidate.volumeM3 - a.candidate.volumeM3,
    );
    return options;
  };

  return search(-Infinity);
}

/** A truck as the search tells it from others, hashed: its kind and its last trip. */
function truckState(timeline: TruckTimeline, group: number): number {
  const trips = timeline.trips;
  const last = trips[trips.length - 1];
  let hash = mix(0x2545f491, group + 1);
  if (last) hash = mix(mix(mix(hash, last.pour + 1), last.plant + 1), minuteBits(last.dischargeEndMinute));
  return hash;
}
