/**
 * The event numbers seen lately. Around a reconnect the server replays and
 * sends live at once, so the same number can arrive twice, and not always
 * in order: a set, not a high-water mark, decides what is a duplicate.
 */
export class RecentSeqs {
  private readonly seen = new Set<number>();
  private readonly order: number[] = [];
  private highest = 0;

  constructor(private readonly capacity = 4096) {}

  /** True the first time a number is offered. */
  add(seq: number): boolean {
    if (this.seen.has(seq)) return false;
    // Older than anything remembered: it was applied long ago or never will be relevant again.
    if (this.order.length >= this.capacity && seq < this.order[0]) return false;
    this.seen.add(seq);
    this.order.push(seq);
    if (this.order.length > this.capacity) this.seen.delete(this.order.shift() as number);
    this.highest = Math.max(this.highest, seq);
    return true;
  }

  get last(): number {
    return this.highest;
  }

  raiseTo(seq: number): void {
    this.highest = Math.max(this.highest, seq);
  }
}
