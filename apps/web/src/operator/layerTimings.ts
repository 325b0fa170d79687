/** What the truck layer spent time on. */
export const LAYER_WORK = ['draw', 'apply'] as const;
export type LayerWork = (typeof LAYER_WORK)[number];

export interface TimedWork {
  work: LayerWork;
  /** performance.now() when it began, ms. */
  start: number;
  durationMs: number;
}

/**
 * The last `capacity` pieces of work the truck layer did — each draw, each batch of fixes applied —
 * in fixed typed arrays, so timing costs no allocation. A reader keeps the sequence number it read
 * up to and asks for what came after.
 */
export class LayerTimings {
  private readonly kinds: Uint8Array;
  private readonly starts: Float64Array;
  private readonly durations: Float64Array;
  /** Pieces recorded since the start; the next one gets this sequence number. */
  recorded = 0;

  constructor(private readonly capacity = 4096) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Float64Array(capacity);
    this.durations = new Float64Array(capacity);
  }

  record(work: LayerWork, start: number, durationMs: number): void {
    const at = this.recorded % this.capacity;
    this.kinds[at] = LAYER_WORK.indexOf(work);
    this.starts[at] = start;
    this.durations[at] = durationMs;
    this.recorded += 1;
  }

  /** Everything recorded from sequence number `from` on that is still kept, oldest first. */
  since(from: number): { next: number; lost: number; entries: TimedWork[] } {
    const first = Math.max(from, this.recorded - this.capacity, 0);
    const entries: TimedWork[] = [];
    for (let sequence = first; sequence < this.recorded; sequence += 1) {
      const at = sequence % this.capacity;
      entries.push({ work: LAYER_WORK[this.kinds[at]], start: this.starts[at], durationMs: this.durations[at] });
    }
    return { next: this.recorded, lost: first - Math.max(from, 0), entries };
  }
}
