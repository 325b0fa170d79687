import { DomainError } from '../../platform/errors/domain-error';

export interface PressureLimits {
  /** Event loop lag beyond which fixes are refused, in ms. */
  maxEventLoopLagMs: number;
  /** Age of the oldest fix still waiting for its write beyond which fixes are refused, in ms. */
  maxQueueAgeMs: number;
}

export interface Pressure {
  eventLoopLagMs: number;
  oldestWaitingMs: number;
}

/** Trackers are told to come back no sooner than this, and no later than the last. */
const MIN_RETRY_AFTER_SECONDS = 1;
const MAX_RETRY_AFTER_SECONDS = 30;

export class IngestOverloadedError extends DomainError {
  override readonly retryAfterSeconds: number;

  constructor(reason: string, retryAfterSeconds: number) {
    super(503, 'ingest_overloaded', `The server is behind (${reason}); keep this position and send it again later`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Whether ingest is too far behind to take more: the event loop is late, or a
 * fix has waited too long for its write. Then a tracker is told to resend later
 * (503 with Retry-After) instead of waiting while the backlog grows. The wait
 * asked for is about as long as the backlog already is.
 */
export function overload(pressure: Pressure, limits: PressureLimits): IngestOverloadedError | null {
  const { eventLoopLagMs, oldestWaitingMs } = pressure;
  const retryAfter = (ms: number) =>
    Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(MIN_RETRY_AFTER_SECONDS, Math.ceil(ms / 1000)));
  if (oldestWaitingMs > limits.maxQueueAgeMs) {
    return new IngestOverloadedError(
      `positions wait ${Math.round(oldestWaitingMs)} ms to be stored, more than ${limits.maxQueueAgeMs} ms`,
      retryAfter(oldestWaitingMs),
    );
  }
  if (eventLoopLagMs > limits.maxEventLoopLagMs) {
    return new IngestOverloadedError(
      `it runs ${Math.round(eventLoopLagMs)} ms late, more than ${limits.maxEventLoopLagMs} ms`,
      retryAfter(eventLoopLagMs),
    );
  }
  return null;
}

/** How often the event loop's lateness is sampled. */
export const LAG_SAMPLE_MS = 100;

/**
 * How late the event loop runs: a timer due every `LAG_SAMPLE_MS` notes how
 * much later than due it fired. The lag counted is the lesser of the last two
 * samples, so one pause (a garbage collection, a moment without the CPU) turns
 * nobody away, while a loop that stays late does; it falls back as soon as the
 * loop keeps time again.
 */
export class EventLoopLag {
  private lastMs = 0;
  private previousMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private due = 0;

  start(): void {
    this.due = performance.now() + LAG_SAMPLE_MS;
    this.timer = setInterval(() => {
      const now = performance.now();
      this.observe(now - this.due);
      this.due = now + LAG_SAMPLE_MS;
    }, LAG_SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One sample: how many ms after it was due the timer ran. */
  observe(lateMs: number): void {
    this.previousMs = this.lastMs;
    this.lastMs = Math.max(0, lateMs);
  }

  get currentMs(): number {
    return Math.min(this.lastMs, this.previousMs);
  }
}
