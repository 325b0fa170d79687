/** One truck at a time discharges into a pour's pump hopper; the others wait their turn in arrival order. */
export class PumpQueue {
  private readonly holders = new Map<string, string>();
  private readonly waiting = new Map<string, { truckId: string; grant: () => void }[]>();

  /** Resolves when `truckId` has the pump of `pourId`; holding it already resolves at once. */
  acquire(pourId: string, truckId: string): Promise<void> {
    const holder = this.holders.get(pourId);
    if (holder === undefined || holder === truckId) {
      this.holders.set(pourId, truckId);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(pourId) ?? [];
      queue.push({ truckId, grant: resolve });
      this.waiting.set(pourId, queue);
    });
  }

  release(pourId: string, truckId: string): void {
    this.waiting.set(
      pourId,
      (this.waiting.get(pourId) ?? []).filter((entry) => entry.truckId !== truckId),
    );
    if (this.holders.get(pourId) !== truckId) return;
    const next = this.waiting.get(pourId)?.shift();
    if (next) {
      this.holders.set(pourId, next.truckId);
      next.grant();
    } else {
      this.holders.delete(pourId);
    }
  }

  /** Trucks on the pour waiting for the pump (not the one discharging). */
  queueLength(pourId: string): number {
    return this.waiting.get(pourId)?.length ?? 0;
  }
}
