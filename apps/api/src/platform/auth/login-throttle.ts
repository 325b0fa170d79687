import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain-error';

export class TooManySignInsError extends DomainError {
  override readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(
      429,
      'too_many_sign_ins',
      `Too many failed sign-ins; wait ${Math.ceil(retryAfterSeconds / 60)} min before trying again`,
      undefined,
      { minutes: Math.ceil(retryAfterSeconds / 60) },
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface LoginLimits {
  failuresPerUser: number;
  failuresPerAddress: number;
  windowSeconds: number;
}

interface Window {
  failures: number;
  endsAtMs: number;
}

/** Keys beyond this are dropped oldest first, so a flood of made-up names cannot fill the memory. */
const MAX_TRACKED_KEYS = 50_000;

/**
 * Counts failed sign-ins per user name and per client address in a fixed
 * window, and refuses further tries once either is used up, before the
 * password is hashed: each try costs an argon2 hash. Held in this process's
 * memory: behind a load balancer each instance counts on its own.
 */
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: LoginLimits,
  ) {}

  /** Throws when this user name or address has used up its failures. */
  check(username: string, address: string): void {
    const nowMs = this.clock.now().getTime();
    let waitMs = 0;
    for (const [key, limit] of this.keys(username, address)) {
      const window = this.current(key, nowMs);
      if (window && window.failures >= limit) waitMs = Math.max(waitMs, window.endsAtMs - nowMs);
    }
    if (waitMs > 0) throw new TooManySignInsError(Math.ceil(waitMs / 1000));
  }

  recordFailure(username: string, address: string): void {
    const nowMs = this.clock.now().getTime();
    for (const [key] of this.keys(username, address)) {
      const window = this.current(key, nowMs) ?? { failures: 0, endsAtMs: nowMs + this.limits.windowSeconds * 1000 };
      window.failures += 1;
      // Re-inserted last, so the map's order is the order of last failure.
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    while (this.windows.size > MAX_TRACKED_KEYS) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
  }

  /** A right password clears the user name's count; the address keeps its own. */
  recordSuccess(username: string): void {
    this.windows.delete(`user:${username}`);
  }

  private keys(username: string, address: string): [string, number][] {
    return [
      [`user:${username}`, this.limits.failuresPerUser],
      [`address:${address}`, this.limits.failuresPerAddress],
    ];
  }

  private current(key: string, nowMs: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAtMs <= nowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }
}
