import { EPSILON_MINUTES } from './plant-slots';
import type { SchedulerTruck } from './types';
import type { TravelTable } from './travel-table';

/** Read once into a local: an imported binding may be looked up anew on every use. */
const EPSILON = EPSILON_MINUTES;

/** One trip of a truck: load at a plant, discharge at a pour. */
export interface Trip {
  plantId: string;
  pourId: string;
  /** The plant's and the pour's places in the input. */
  plant: number;
  pour: number;
  batchMinute: number;
  dischargeEndMinute: number;
}

/**
 * A truck's trips in time order, with the free stretches between them into
 * which another trip may be slotted: one truck carries one load at a time.
 */
export class TruckTimeline {
  readonly trips: Trip[] = [];

  /**
   * @param firstReady per plant (by its place in the input), the earliest minute the truck can batch there with nothing planned.
   * @param backMinutes per pour (by its place in the input), the drive from there to the nearest plant the truck may end its shift at.
   */
  constructor(
    readonly truck: SchedulerTruck,
    private readonly travel: TravelTable,
    private readonly firstReady: Float64Array,
    private readonly backMinutes: Float64Array,
  ) {}

  /** Free stretches: index i is the one before `trips[i]` (the last one has no trip after it). */
  get gapCount(): number {
    return this.trips.length + 1;
  }

  /** The earliest minute the truck can start batching at the plant in gap i. */
  readyAt(gap: number, plant: number): number {
    if (gap === 0) return this.firstReady[plant];
    const before = this.trips[gap - 1];
    return before.dischargeEndMinute + this.travel.pourToPlantAt(before.pour, plant);
  }

  /** The latest minute a discharge at the pour may end in gap i so the truck makes its next trip or its shift end. */
  latestEnd(gap: number, pour: number): number {
    const after = this.trips[gap];
    if (after) return after.batchMinute - this.travel.pourToPlantAt(pour, after.plant);
    const until = this.truck.availableUntilMinute;
    if (until === undefined) return Number.POSITIVE_INFINITY;
    return until - this.backMinutes[pour];
  }

  /**
   * The first free stretch that may last until `minute`: every one before it
   * ends with a trip batched before then.
   */
  firstGapEndingAfter(minute: number): number {
    let lo = 0;
    let hi = this.trips.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.trips[mid].batchMinute + EPSILON < minute) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(gap: number, trip: Trip): void {
    this.trips.splice(gap, 0, trip);
  }

  /** Keeps the order: used for loads in progress, which come before anything proposed. */
  append(trip: Trip): void {
    let i = this.trips.length;
    while (i > 0 && this.trips[i - 1].batchMinute > trip.batchMinute) i--;
    this.trips.splice(i, 0, trip);
  }

  remove(trip: Trip): void {
    const i = this.trips.indexOf(trip);
    if (i >= 0) this.trips.splice(i, 1);
  }
}
