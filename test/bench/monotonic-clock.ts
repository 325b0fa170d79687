/**
 * Milliseconds on the machine's monotonic clock: the same in every thread of
 * the process, so a fix sent by a tracker thread is timed to its arrival at a
 * console in another.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
