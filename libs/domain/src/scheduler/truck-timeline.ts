import type { SchedulerTruck } from './types';
import type { TravelTable } from './travel-table';

/** One trip of a truck: load at a plant, discharge at a pour. */
export interface Trip {
  plantId: string;
  pourId: string;
  batchMinute: number;
  dischargeEndMinute: number;
}

/**
 * A truck's trips in time order, with the free stretches between them into
 * which another trip may be slotted: one truck carries one load at a time.
 */
export class TruckTimeline {
  readonly trips: Trip[] = [];

  constructor(
    readonly truck: SchedulerTruck,
    private readonly travel: TravelTable,
  ) {}

  /** Free stretches: index i is the one before `trips[i]` (the last one has no trip after it). */
  get gapCount(): number {
    return this.trips.length + 1;
  }

  /** The earliest minute the truck can start batching at the plant in gap i. */
  readyAt(gap: number, plantId: string): number {
    if (gap === 0) return this.truck.freeFromMinute + this.travel.placeToPlant(this.truck.freeAt, plantId);
    const before = this.trips[gap - 1];
    return before.dischargeEndMinute + this.travel.pourToPlant(before.pourId, plantId);
  }

  /** The latest minute a discharge at the pour may end in gap i so the truck makes its next trip or its shift end. */
  latestEnd(gap: number, pourId: string, returnPlantIds: readonly string[]): number {
    const after = this.trips[gap];
    if (after) return after.batchMinute - this.travel.pourToPlant(pourId, after.plantId);
    const until = this.truck.availableUntilMinute;
    if (until === undefined) return Number.POSITIVE_INFINITY;
    let back = Number.POSITIVE_INFINITY;
    for (const plantId of returnPlantIds) back = Math.min(back, this.travel.pourToPlant(pourId, plantId));
    return until - back;
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
