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
