/** Longest latency kept apart; anything slower counts in the last bucket. */
const MAX_MS = 120_000;
/** Buckets of a tenth of a millisecond: percentiles of millions of samples without keeping them. */
const PER_MS = 10;

/** Percentiles over recorded samples, in milliseconds. */
export class Samples {
  private readonly buckets = new Uint32Array(MAX_MS * PER_MS + 1);
  private total = 0;

  add(valueMs: number): void {
    const bucket = Math.min(this.buckets.length - 1, Math.max(0, Math.round(valueMs * PER_MS)));
    this.buckets[bucket] += 1;
    this.total += 1;
  }

  /** Adds every sample of another recorder, sent over from a thread as its `buckets`. */
  merge(buckets: Uint32Array): void {
    for (let bucket = 0; bucket < buckets.length; bucket += 1) {
      this.buckets[bucket] += buckets[bucket];
      this.total += buckets[bucket];
    }
  }

  /** The recorded counts, to be merged into a recorder in another thread. */
  get raw(): Uint32Array<ArrayBuffer> {
    return this.buckets;
  }

  get count(): number {
    return this.total;
  }

  percentile(p: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.min(this.total, Math.max(1, Math.ceil((p / 100) * this.total)));
    let seen = 0;
    for (let bucket = 0; bucket < this.buckets.length; bucket += 1) {
      seen += this.buckets[bucket];
      if (seen >= rank) return bucket / PER_MS;
    }
    return MAX_MS;
  }

  summary(): string {
    const f = (value: number) => value.toFixed(1);
    return `p50 ${f(this.percentile(50))} ms, p99 ${f(this.percentile(99))} ms (${this.count} samples)`;
  }
}
