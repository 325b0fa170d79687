import { EPSILON_MINUTES } from './plant-slots';
import { minuteBits, mix } from './state-hash';
import { type FlexibleDischarge, StartGraph, type StartGraphHost } from './start-graph';
import type { SearchBudget } from './time-order';

/** Read once into a local: an imported binding may be looked up anew on every use. */
const EPSILON = EPSILON_MINUTES;
/** States the search remembers as dead ends. */
const MAX_FAILED_STATES = 200_000;

interface Option {
  place: number;
  truck: number;
  start: number;
  started: boolean;
  volumeM3: number;
}

/**
 * Plans every pour of the set whole, like `searchInTimeOrder`, but without
 * fixing a discharge's minute when it is chosen: each discharge keeps the
 * earliest start its truck, its pour's chain and the rules allow, and a later
 * choice may push it back. When the next load of a chain can only come after
 * the gap limit, the loads before it are held back just enough (a truck
 * waiting part of a gap), and so is everything that follows them on their
 * trucks and at their pours; the choice fails only when that would run a
 * discharge past its window or a truck past its day.
 *
 * Returns the discharges in start order, or null when the budget runs out or
 * no plan exists (see `StartGraph` for what it assumes of trucks and plants).
 */
export function searchWithFlexibleTimes(
  host: StartGraphHost,
  pourSet: readonly number[],
  budget: SearchBudget,
): FlexibleDischarge[] | null {
  const { timelines } = host;
  const { idleGroups } = host.context;
  if (pourSet.length === 0) return [];
  if (timelines.length === 0) return null;
  const graph = new StartGraph(host, pourSet);
  const { places, truckCount, remaining, lastOfTruck, lastOfPlace, placeOf, earliest, durationOf, gapLimit } = graph;
  const failed = new Set<number>();
  let steps = 0;

  const truckHashes = new Float64Array(truckCount);
  /** The state as far as what may come next is concerned; trucks alike in kind and last trip are interchangeable. */
  const stateKey = (): number => {
    let a = 0;
    let b = 0;
    for (let t = 0; t < truckCount; t++) {
      const last = lastOfTruck[t];
      let hash = mix(0x2545f491, timelines[t].trips.length === 0 ? idleGroups[t] + 1 : 0x10000 + t);
      if (last >= 0) hash = mix(mix(hash, placeOf[last] + 1), minuteBits(earliest[last] + durationOf[last]));
      truckHashes[t] = hash;
      a = (a + hash) >>> 0;
      b = (b + mix(hash, 0x51ed27)) >>> 0;
    }
    for (let k = 0; k < places; k++) {
      const last = lastOfPlace[k];
      const end = minuteBits(last < 0 ? -1 : earliest[last] + durationOf[last]);
      a = mix(mix(a, minuteBits(remaining[k])), end);
      b = mix(mix(b, minuteBits(remaining[k])), end);
    }
    return a * 0x100000 + (b & 0xfffff);
  };

  /** The discharges that may come next, earliest first; null when a pour of the set can no longer be served. */
  const optionsNow = (): Option[] | null => {
    // The latest start, at the earliest times so far, of the next load of the chain under way that needs it first.
    let due = Infinity;
    for (let k = 0; k < places; k++) {
      const last = lastOfPlace[k];
      if (remaining[k] > EPSILON && last >= 0) due = Math.min(due, earliest[last] + durationOf[last] + gapLimit[k]);
    }
    const options: Option[] = [];
    for (let k = 0; k < places; k++) {
      if (remaining[k] <= EPSILON) continue;
      const started = lastOfPlace[k] >= 0;
      let found = false;
      for (let t = 0; t < truckCount; t++) {
        let alike = false;
        for (let u = 0; u < t && !alike; u++) alike = truckHashes[u] === truckHashes[t];
        if (alike) continue;
        if (budget.probes) budget.probes.probes -= 1;
        const start = graph.startAfter(t, k, lastOfTruck[t]);
        const { volumeM3, minutes } = graph.loadOf(t, k);
        if (!(start + minutes <= graph.endOfDay(t, k) + EPSILON)) continue;
        found = true;
        // Another pour's load after the chain that is due would come after that chain's next load.
        if (!started && start > due + EPSILON) continue;
        options.push({ place: k, truck: t, start, started, volumeM3 });
      }
      // Starts only get later as loads are added: a pour no truck can serve now never will be.
      if (!found) return null;
    }
    options.sort((a, b) => a.start - b.start || Number(b.started) - Number(a.started) || b.volumeM3 - a.volumeM3);
    return options;
  };

  const search = (): boolean => {
    if (budget.nodes-- <= 0) return false;
    if (budget.probes && budget.probes.probes <= 0) budget.nodes = 0;
    if (++steps % 256 === 0 && budget.timeLeft && !budget.timeLeft()) budget.nodes = 0;
    if (remaining.every((m3) => m3 <= EPSILON)) return true;
    const key = stateKey();
    if (failed.has(key)) return false;
    const options = optionsNow();
    if (options === null) {
      remember(key);
      return false;
    }
    for (const option of options) {
      const mark = graph.mark();
      if (graph.add(option.place, option.truck, lastOfTruck[option.truck], option.volumeM3, option.start) < 0) continue;
      if (search()) return true;
      graph.undoTo(mark);
      graph.removeLast();
      if (budget.nodes <= 0) return false;
    }
    remember(key);
    return false;
  };

  const remember = (key: number) => {
    if (failed.size < MAX_FAILED_STATES) failed.add(key);
  };

  return search() ? graph.discharges() : null;
}
