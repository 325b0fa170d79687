/**
 * Now, as the server sees it. Injected wherever "now" decides something (the demo's
 * day boundary, what retention keeps), so a test can set the time instead of waiting.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
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
