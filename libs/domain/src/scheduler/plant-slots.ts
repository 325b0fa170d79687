import type { SchedulerPlant } from './types';

/** Below this two minutes are the same minute: sums of fractional travel times carry binary noise. */
export const EPSILON_MINUTES = 1e-6;

/**
 * The batch starts booked at one plant. A plant with a loads-per-hour limit
 * starts its batches at least 60 / limit minutes apart, and only while open.
 */
export class PlantSlots {
  private readonly spacingMinutes: number;
  private readonly opening: readonly { fromMinute: number; untilMinute: number }[] | null;
  private readonly starts: number[] = [];
  /** No batch limit and always open: every wanted start is free. */
  readonly alwaysFree: boolean;

  constructor(plant: SchedulerPlant) {
    this.spacingMinutes = plant.loadsPerHour === undefined ? 0 : 60 / plant.loadsPerHour;
    this.opening = plant.openingHours ? [...plant.openingHours].sort((a, b) => a.fromMinute - b.fromMinute) : null;
    this.alwaysFree = this.spacingMinutes === 0 && this.opening === null;
  }

  book(batchMinute: number): void {
    this.starts.splice(this.indexAfter(batchMinute), 0, batchMinute);
  }

  release(batchMinute: number): void {
    const i = this.starts.indexOf(batchMinute);
    if (i >= 0) this.starts.splice(i, 1);
  }

  /** The latest start in [earliest, wanted] the plant can take, or null. */
  latestFreeAtOrBefore(wanted: number, earliest: number): number | null {
    let candidate = wanted;
    for (let guard = 0; guard < 10_000 && candidate >= earliest - EPSILON_MINUTES; guard++) {
      const open = this.openAtOrBefore(candidate);
      if (open === null) return null;
      if (open < candidate - EPSILON_MINUTES) {
        candidate = open;
        continue;
      }
      const clash = this.clashWith(candidate);
      if (clash === null) return candidate;
      candidate = clash - this.spacingMinutes;
    }
    return null;
  }

  /** The earliest start at or after `wanted` the plant can take, or null when it never opens again. */
  earliestFreeAtOrAfter(wanted: number): number | null {
    let candidate = wanted;
    for (let guard = 0; guard < 10_000; guard++) {
      const open = this.openAtOrAfter(candidate);
      if (open === null) return null;
      if (open > candidate + EPSILON_MINUTES) {
        candidate = open;
        continue;
      }
      const clash = this.clashWith(candidate);
      if (clash === null) return candidate;
      candidate = clash + this.spacingMinutes;
    }
    return null;
  }

  private clashWith(minute: number): number | null {
    if (this.spacingMinutes === 0) return null;
    const i = this.indexAfter(minute);
    // Only the neighbours either side can be closer than the spacing.
    for (const j of [i - 1, i]) {
      const booked = this.starts[j];
      if (booked !== undefined && Math.abs(booked - minute) < this.spacingMinutes - EPSILON_MINUTES) return booked;
    }
    return null;
  }

  private indexAfter(minute: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= minute) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private openAtOrBefore(minute: number): number | null {
    if (this.opening === null) return minute;
    let best: number | null = null;
    for (const { fromMinute, untilMinute } of this.opening) {
      if (fromMinute > minute + EPSILON_MINUTES) break;
      best = Math.min(minute, untilMinute);
    }
    return best;
  }

  private openAtOrAfter(minute: number): number | null {
    if (this.opening === null) return minute;
    for (const { fromMinute, untilMinute } of this.opening) {
      if (untilMinute >= minute - EPSILON_MINUTES) return Math.max(minute, fromMinute);
    }
    return null;
  }
}
