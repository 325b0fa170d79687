import { EPSILON_MINUTES } from './plant-slots';
import { minuteBits, mix } from './state-hash';
import { type FlexibleDischarge, StartGraph, type StartGraphHost } from './start-graph';
import type { SearchBudget } from './time-order';

/** Read once into a local: an imported binding may be looked up anew on every use. */
const EPSILON = EPSILON_MINUTES;
/** States the search remembers as dead ends. */
const MAX_FAILED_STATES = 100_000;

interface Option {
  truck: number;
  after: number;
  start: number;
  volumeM3: number;
}

/**
 * Serves the `insert` pours whole on top of a plan: the plan's discharges
 * (`keep`, in start order) keep their trucks and their order on each truck
 * and at each pour, but not their minutes. Each load of a pour to insert goes
 * into any truck's round, between two of its trips or before or after them
 * all, and whatever follows is pushed back, within windows and gap limits
 * (see `StartGraph`). Depth first, the load that can start earliest first;
 * the pours to insert are served one after the other, in the order given.
 *
 * Returns every discharge in start order, or null when the budget runs out or
 * no such plan exists.
 */
export function insertWithFlexibleTimes(
  host: StartGraphHost,
  keep: readonly FlexibleDischarge[],
  insert: readonly number[],
  budget: SearchBudget,
): FlexibleDischarge[] | null {
  const { timelines } = host;
  const { idleGroups } = host.context;
  const keptPours = [...new Set(keep.map((discharge) => discharge.pourIndex))];
  if (insert.some((i) => keptPours.includes(i))) throw new Error('a pour to insert is already served');
  const graph = new StartGraph(host, [...keptPours, ...insert]);
  const { truckCount, remaining, lastOfTruck, firstOfTruck, truckAfter, placeOf, earliest } = graph;
  const placeIn = new Map(graph.set.map((pourIndex, k) => [pourIndex, k]));
  for (const discharge of keep) {
    const k = placeIn.get(discharge.pourIndex)!;
    const t = discharge.truckIndex;
    const after = lastOfTruck[t];
    if (graph.add(k, t, after, discharge.volumeM3, graph.startAfter(t, k, after)) < 0) return null;
  }
  const places = insert.map((i) => placeIn.get(i)!);
  const failed = new Set<number>();
  let steps = 0;

  /** The rounds of the trucks, hashed: two ways of inserting that give the same rounds and starts are one. */
  const stateKey = (): number => {
    let a = 0x2545f491;
    let b = 0x51ed27;
    for (let t = 0; t < truckCount; t++) {
      a = mix(a, t + 1);
      for (let node = firstOfTruck[t]; node >= 0; node = truckAfter[node]) {
        a = mix(mix(a, placeOf[node] + 1), minuteBits(earliest[node]));
        b = mix(b, a);
      }
    }
    for (const k of places) a = mix(a, minuteBits(remaining[k]));
    return a * 0x100000 + (b & 0xfffff);
  };

  const optionsFor = (k: number): Option[] => {
    const options: Option[] = [];
    const seen = new Set<number>();
    for (let t = 0; t < truckCount; t++) {
      // A truck with no trips yet, alike in kind to one seen before, offers the same trips.
      if (firstOfTruck[t] < 0 && timelines[t].trips.length === 0) {
        if (seen.has(idleGroups[t])) continue;
        seen.add(idleGroups[t]);
      }
      const { volumeM3, minutes } = graph.loadOf(t, k);
      const endOfDay = graph.endOfDay(t, k);
      for (let after = -1; ;) {
        if (budget.probes) budget.probes.probes -= 1;
        const start = graph.startAfter(t, k, after);
        // Later in the round only starts later.
        if (start + minutes > endOfDay + EPSILON) break;
        options.push({ truck: t, after, start, volumeM3 });
        const next = after < 0 ? firstOfTruck[t] : truckAfter[after];
        if (next < 0) break;
        after = next;
      }
    }
    return options.sort((x, y) => x.start - y.start || y.volumeM3 - x.volumeM3);
  };

  const search = (): boolean => {
    if (budget.nodes-- <= 0) return false;
    if (budget.probes && budget.probes.probes <= 0) budget.nodes = 0;
    if (++steps % 256 === 0 && budget.timeLeft && !budget.timeLeft()) budget.nodes = 0;
    const k = places.find((place) => remaining[place] > EPSILON);
    if (k === undefined) return true;
    const key = stateKey();
    if (failed.has(key)) return false;
    for (const option of optionsFor(k)) {
      const mark = graph.mark();
      if (graph.add(k, option.truck, option.after, option.volumeM3, option.start) < 0) continue;
      if (search()) return true;
      graph.undoTo(mark);
      graph.removeLast();
      if (budget.nodes <= 0) return false;
    }
    if (failed.size < MAX_FAILED_STATES) failed.add(key);
    return false;
  };

  return search() ? graph.discharges() : null;
}
