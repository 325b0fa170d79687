/** One numbered event as received: its name and its envelope. */
export interface Received<K extends string, E extends { seq: number }> {
  type: K;
  event: E;
}

/**
 * The console's side of the delivery contract in live.ts, with no socket in
 * it: what arrives goes in, what to apply comes out, each number once and in
 * increasing order, and `lastApplied` is what to send as `lastSeq`.
 */
export class LiveSequence<K extends string, E extends { seq: number }> {
  private applied = 0;
  /** Null once live; a list while connecting, until `live.ready.v1`. */
  private buffer: Received<K, E>[] | null = [];

  /** Send this as `lastSeq`: every event of the scope up to it has been applied. */
  get lastApplied(): number {
    return this.applied;
  }

  get live(): boolean {
    return this.buffer === null;
  }

  /** The connection dropped: buffer again until the next `live.ready.v1`. */
  disconnected(): void {
    this.buffer = [];
  }

  /** Events to apply now; none while connecting. */
  receive(type: K, event: E): Received<K, E>[] {
    if (this.buffer !== null) {
      this.buffer.push({ type, event });
      return [];
    }
    if (event.seq <= this.applied) return [];
    this.applied = event.seq;
    return [{ type, event }];
  }

  /** `live.reset.v1`: the server's numbers are not ours; start again from nothing. */
  reset(): void {
    this.applied = 0;
    this.buffer = [];
  }

  /** `live.ready.v1`: the buffer in order without what was applied before, then live. */
  ready(seq: number): Received<K, E>[] {
    const buffered = (this.buffer ?? []).sort((a, b) => a.event.seq - b.event.seq);
    this.buffer = null;
    const apply: Received<K, E>[] = [];
    for (const item of buffered) {
      if (item.event.seq <= this.applied) continue;
      this.applied = item.event.seq;
      apply.push(item);
    }
    this.applied = Math.max(this.applied, seq);
    return apply;
  }
}
