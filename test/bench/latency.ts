/** Percentiles over recorded samples, in the unit they were recorded in. */
export class Samples {
  private values: number[] = [];

  add(value: number): void {
    this.values.push(value);
  }

  get count(): number {
    return this.values.length;
  }

  percentile(p: number): number {
    if (this.values.length === 0) return NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  }

  summary(): string {
    const f = (value: number) => value.toFixed(1);
    return `p50 ${f(this.percentile(50))} ms, p95 ${f(this.percentile(95))} ms, p99 ${f(this.percentile(99))} ms (${this.count} samples)`;
  }
}
