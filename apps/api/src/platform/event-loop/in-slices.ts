/** Items judged between two turns of the event loop in a long sweep. */
export const SLICE_SIZE = 250;

/** Lets whatever waits on the event loop (requests, live frames, timers) run before the sweep goes on. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * `items.filter(keep)`, handing the event loop back between slices: a sweep
 * over thousands of loads (an ETA each) must not hold up the trackers'
 * answers and the consoles' frames for the whole of it.
 */
export async function filterInSlices<T>(
  items: readonly T[],
  keep: (item: T) => boolean,
  sliceSize = SLICE_SIZE,
): Promise<T[]> {
  const kept: T[] = [];
  for (let start = 0; start < items.length; start += sliceSize) {
    if (start > 0) await nextTurn();
    const end = Math.min(items.length, start + sliceSize);
    for (let index = start; index < end; index++) if (keep(items[index])) kept.push(items[index]);
  }
  return kept;
}

/** Work run between two turns of the event loop, at most, in a long computation that yields as it goes. */
export const TURN_BUDGET_MS = 4;

/**
 * For a computation made of many small steps (a pour's rhythm, one load's
 * checks): `due()` hands the event loop back once the steps since the last
 * turn have taken longer than the budget, so trackers' answers and consoles'
 * frames wait a few milliseconds at most, not for the whole computation.
 */
export class TurnBudget {
  private since = performance.now();

  constructor(private readonly budgetMs = TURN_BUDGET_MS) {}

  async due(): Promise<void> {
    if (performance.now() - this.since < this.budgetMs) return;
    await nextTurn();
    this.since = performance.now();
  }
}
