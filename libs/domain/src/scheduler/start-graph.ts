import { dischargeMinutes, type PlanContext } from './construct';
import { EPSILON_MINUTES } from './plant-slots';
import type { TruckTimeline } from './truck-timeline';

/** Read once into a local: an imported binding may be looked up anew on every use. */
const EPSILON = EPSILON_MINUTES;

/** What a graph of discharge starts needs of a plan being built. */
export interface StartGraphHost {
  readonly context: PlanContext;
  readonly timelines: readonly TruckTimeline[];
  /** Minutes after its window's start before which the pour may not begin. */
  startDelayOf(pourIndex: number): number;
}

/** One discharge of a plan with flexible times: the truck's trip to the pour, to start at that minute. */
export interface FlexibleDischarge {
  pourIndex: number;
  truckIndex: number;
  volumeM3: number;
  startMinute: number;
}

/**
 * The discharges of a set of pours, each with the earliest start its truck,
 * its pour's chain and the rules allow. A discharge is added after any other
 * of its truck and after the last one of its pour; what must follow it is
 * then pushed back (`raise`), and so are the loads before it at its pour that
 * would otherwise leave more than the gap limit: the graph keeps the least
 * starts that keep every rule, and an addition fails when a discharge would
 * run past its window or its truck's day. Changes are undone in the reverse
 * order they were made (`mark`, `undoTo`, `removeLast`).
 *
 * Trucks carry on after their last trip planned in the host. Plants are taken
 * as free: whoever books the loads checks the plants' limits.
 */
export class StartGraph {
  readonly set: readonly number[];
  readonly places: number;
  readonly truckCount: number;
  /** [t * places + k]: the earliest start at pour k of a truck's first trip. */
  private readonly firstStart: Float64Array;
  /** [j * places + k]: minutes from the end of a discharge at pour j to the start of one at pour k. */
  private readonly leg: Float64Array;
  readonly gapLimit: Float64Array;
  private readonly windowEnd: Float64Array;
  private readonly notBefore: Float64Array;

  count = 0;
  readonly placeOf: Int32Array;
  readonly truckOf: Int32Array;
  readonly volumeOf: Float64Array;
  readonly durationOf: Float64Array;
  readonly earliest: Float64Array;
  /** The latest minute the discharge may end: its pour's window, its truck's day. */
  private readonly latestEnd: Float64Array;
  readonly truckBefore: Int32Array;
  readonly truckAfter: Int32Array;
  readonly chainBefore: Int32Array;
  private readonly chainAfter: Int32Array;
  readonly firstOfTruck: Int32Array;
  readonly lastOfTruck: Int32Array;
  readonly lastOfPlace: Int32Array;
  /** Per place in the set, the cubic metres not yet given a discharge. */
  readonly remaining: number[];
  /** Earliest starts changed, as node, old value. */
  private readonly trail: number[] = [];
  private readonly worklist: number[] = [];

  constructor(
    private readonly host: StartGraphHost,
    pourSet: readonly number[],
  ) {
    const { input, travel, pourPlants } = host.context;
    const { timelines } = host;
    const pours = input.pours;
    this.set = [...pourSet];
    const places = (this.places = this.set.length);
    const truckCount = (this.truckCount = timelines.length);
    this.firstStart = new Float64Array(truckCount * places);
    this.leg = new Float64Array(places * places);
    this.gapLimit = new Float64Array(places);
    this.windowEnd = new Float64Array(places);
    this.notBefore = new Float64Array(places);
    for (let k = 0; k < places; k++) {
      const pourIndex = this.set[k];
      const pour = pours[pourIndex];
      this.gapLimit[k] = pour.maxGapMinutes;
      this.windowEnd[k] = pour.window.endMinute ?? Infinity;
      this.notBefore[k] = pour.window.startMinute + host.startDelayOf(pourIndex);
      const setup = pour.siteSetupMinutes ?? 0;
      const lead = (plant: number) =>
        input.plants[plant].loadingMinutes + travel.plantToPourAt(plant, pourIndex) + setup;
      // The shortest discharge is a full load of the quickest truck: a plant whose concrete it outlives is out of reach.
      const shortest = Math.min(
        ...timelines.map((tl) => dischargeMinutes(tl.truck, pour, Math.min(tl.truck.capacityM3, pour.remainingM3))),
      );
      const inReach = pourPlants[pourIndex].filter(
        (plant) => Number.isFinite(lead(plant)) && lead(plant) + shortest <= pour.maxAgeMinutes + EPSILON,
      );
      for (let t = 0; t < truckCount; t++) {
        const timeline = timelines[t];
        const longest = dischargeMinutes(timeline.truck, pour, Math.min(timeline.truck.capacityM3, pour.remainingM3));
        let start = Infinity;
        for (const plant of inReach) {
          if (lead(plant) + longest > pour.maxAgeMinutes + EPSILON) continue;
          const ready = Math.max(timeline.readyAt(timeline.trips.length, plant), input.nowMinute);
          start = Math.min(start, ready + lead(plant));
        }
        this.firstStart[t * places + k] = Math.max(start, this.notBefore[k]);
      }
      for (let j = 0; j < places; j++) {
        let minutes = Infinity;
        for (const plant of inReach)
          minutes = Math.min(minutes, travel.pourToPlantAt(this.set[j], plant) + lead(plant));
        this.leg[j * places + k] = minutes;
      }
    }
    const smallestTruck = Math.min(...timelines.map((timeline) => timeline.truck.capacityM3));
    const capacity = this.set.reduce((sum, i) => sum + Math.ceil(pours[i].remainingM3 / smallestTruck) + 1, 0);
    this.placeOf = new Int32Array(capacity);
    this.truckOf = new Int32Array(capacity);
    this.volumeOf = new Float64Array(capacity);
    this.durationOf = new Float64Array(capacity);
    this.earliest = new Float64Array(capacity);
    this.latestEnd = new Float64Array(capacity);
    this.truckBefore = new Int32Array(capacity);
    this.truckAfter = new Int32Array(capacity);
    this.chainBefore = new Int32Array(capacity);
    this.chainAfter = new Int32Array(capacity);
    this.firstOfTruck = new Int32Array(truckCount).fill(-1);
    this.lastOfTruck = new Int32Array(truckCount).fill(-1);
    this.lastOfPlace = new Int32Array(places).fill(-1);
    this.remaining = this.set.map((i) => pours[i].remainingM3);
  }

  /** The volume truck t would bring to place k next, and how long it takes to discharge. */
  loadOf(t: number, k: number): { volumeM3: number; minutes: number } {
    const truck = this.host.timelines[t].truck;
    const volumeM3 = Math.min(truck.capacityM3, this.remaining[k]);
    return { volumeM3, minutes: dischargeMinutes(truck, this.host.context.input.pours[this.set[k]], volumeM3) };
  }

  /** The earliest start at place k of truck t's trip after discharge `after` (-1: its first trip). */
  startAfter(t: number, k: number, after: number): number {
    let start =
      after < 0
        ? this.firstStart[t * this.places + k]
        : Math.max(
            this.notBefore[k],
            this.earliest[after] + this.durationOf[after] + this.leg[this.placeOf[after] * this.places + k],
          );
    const chain = this.lastOfPlace[k];
    if (chain >= 0) start = Math.max(start, this.earliest[chain] + this.durationOf[chain]);
    return start;
  }

  /** The latest minute a discharge of truck t at place k may end. */
  endOfDay(t: number, k: number): number {
    const until = this.host.timelines[t].truck.availableUntilMinute;
    const back = this.host.context.backMinutes[t][this.set[k]];
    return Math.min(this.windowEnd[k], until === undefined ? Infinity : until - back);
  }

  mark(): number {
    return this.trail.length;
  }

  undoTo(mark: number): void {
    const { trail, earliest } = this;
    while (trail.length > mark) {
      const old = trail.pop()!;
      earliest[trail.pop()!] = old;
    }
  }

  /**
   * A discharge of truck t at place k, after discharge `after` of the truck
   * (-1: before all of them) and after the pour's last, from `start`; the
   * node, or -1 (nothing changed) when what it pushes back cannot be kept.
   */
  add(k: number, t: number, after: number, volumeM3: number, start: number): number {
    const node = this.count++;
    const next = after < 0 ? this.firstOfTruck[t] : this.truckAfter[after];
    this.placeOf[node] = k;
    this.truckOf[node] = t;
    this.volumeOf[node] = volumeM3;
    this.durationOf[node] = dischargeMinutes(
      this.host.timelines[t].truck,
      this.host.context.input.pours[this.set[k]],
      volumeM3,
    );
    this.earliest[node] = start;
    this.latestEnd[node] = this.endOfDay(t, k);
    this.truckBefore[node] = after;
    this.truckAfter[node] = next;
    this.chainBefore[node] = this.lastOfPlace[k];
    this.chainAfter[node] = -1;
    if (after >= 0) this.truckAfter[after] = node;
    else this.firstOfTruck[t] = node;
    if (next >= 0) this.truckBefore[next] = node;
    else this.lastOfTruck[t] = node;
    if (this.chainBefore[node] >= 0) this.chainAfter[this.chainBefore[node]] = node;
    this.lastOfPlace[k] = node;
    this.remaining[k] -= volumeM3;
    const mark = this.mark();
    const before = this.chainBefore[node];
    const end = start + this.durationOf[node];
    const kept =
      end <= this.latestEnd[node] + EPSILON &&
      (next < 0 || this.raise(next, end + this.leg[k * this.places + this.placeOf[next]])) &&
      (before < 0 || this.raise(before, start - this.durationOf[before] - this.gapLimit[k]));
    if (kept) return node;
    this.undoTo(mark);
    this.removeLast();
    return -1;
  }

  /** Takes back the discharge added last (its pushes are taken back by `undoTo`). */
  removeLast(): void {
    const node = --this.count;
    const k = this.placeOf[node];
    const t = this.truckOf[node];
    const before = this.truckBefore[node];
    const after = this.truckAfter[node];
    this.remaining[k] += this.volumeOf[node];
    if (before >= 0) this.truckAfter[before] = after;
    else this.firstOfTruck[t] = after;
    if (after >= 0) this.truckBefore[after] = before;
    else this.lastOfTruck[t] = before;
    this.lastOfPlace[k] = this.chainBefore[node];
    if (this.chainBefore[node] >= 0) this.chainAfter[this.chainBefore[node]] = -1;
  }

  /**
   * Holds discharge `node` back to `minute` and, in turn, what must follow it
   * on its truck and at its pour, and the loads before it at its pour that
   * would leave too long a gap; false when one of them runs out of room (the
   * caller takes the changes back) or the pushes go round in a circle.
   */
  private raise(node: number, minute: number): boolean {
    const { worklist, earliest, durationOf, placeOf, places } = this;
    worklist.length = 0;
    worklist.push(node, minute);
    let guard = 50 * this.count + 100;
    while (worklist.length > 0) {
      const to = worklist.pop()!;
      const v = worklist.pop()!;
      if (to <= earliest[v] + EPSILON) continue;
      if (to + durationOf[v] > this.latestEnd[v] + EPSILON || --guard < 0) return false;
      this.trail.push(v, earliest[v]);
      earliest[v] = to;
      const end = to + durationOf[v];
      const next = this.truckAfter[v];
      if (next >= 0) worklist.push(next, end + this.leg[placeOf[v] * places + placeOf[next]]);
      const following = this.chainAfter[v];
      if (following >= 0) worklist.push(following, end);
      const before = this.chainBefore[v];
      if (before >= 0) worklist.push(before, to - durationOf[before] - this.gapLimit[placeOf[v]]);
    }
    return true;
  }

  /** Every discharge, in start order (a pour's chain keeps its order). */
  discharges(): FlexibleDischarge[] {
    const discharges: FlexibleDischarge[] = [];
    for (let node = 0; node < this.count; node++) {
      discharges.push({
        pourIndex: this.set[this.placeOf[node]],
        truckIndex: this.truckOf[node],
        volumeM3: this.volumeOf[node],
        startMinute: this.earliest[node],
      });
    }
    // A chain's nodes were added in its order, and its starts increase: a stable sort keeps it.
    return discharges.sort((a, b) => a.startMinute - b.startMinute);
  }
}
