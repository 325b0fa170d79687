/** A fix goes out at most this long after the server took it, unless its commit takes longer. */
export const FRAME_WINDOW_MS = 100;
/** Frames at most this often, however slow commits make fixes come in late. */
export const MIN_FRAME_GAP_MS = 80;

/**
 * When the next live position frame goes. The window is counted from when the
 * oldest waiting fix reached the server, not from a fixed tick: the time its
 * batch took to commit is spent inside the window instead of being added to
 * it, so no fix waits a whole window on top of its commit. A frame is sent
 * only once the one before it has gone, so frames never overtake one another.
 */
export class FrameTimer {
  /** When the oldest fix not yet sent reached the server (monotonic ms); Infinity when none waits. */
  private oldestReceivedAt = Infinity;
  private lastFrameAt = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private sending = false;
  private stopped = false;

  constructor(
    private readonly send: () => Promise<void>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A fix taken at `receivedAt` waits to be sent. */
  waiting(receivedAt: number): void {
    if (receivedAt < this.oldestReceivedAt) this.oldestReceivedAt = receivedAt;
    this.plan();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private plan(): void {
    if (this.timer !== undefined || this.sending || this.stopped || this.oldestReceivedAt === Infinity) return;
    const due = Math.max(this.oldestReceivedAt + FRAME_WINDOW_MS, this.lastFrameAt + MIN_FRAME_GAP_MS);
    this.timer = setTimeout(() => this.fire(), Math.max(0, due - this.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.oldestReceivedAt = Infinity;
    this.lastFrameAt = this.now();
    this.sending = true;
    void this.send().finally(() => {
      this.sending = false;
      this.plan();
    });
  }
}
