/**
 * Now, as the server sees it. Injected wherever "now" decides something (the demo's
 * day boundary, what retention keeps), so a test can set the time instead of waiting.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Now in Unix ms: for what asks on every position, with no Date made for it. */
  nowMs(): number {
    return this.now().getTime();
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }

  override nowMs(): number {
    return Date.now();
  }
}

/** A clock that stands where it is put: for tests of what happens at a given time. */
export class FixedClock extends Clock {
  constructor(private time: Date) {
    super();
  }

  now(): Date {
    return new Date(this.time);
  }

  set(time: Date): void {
    this.time = time;
  }
}
