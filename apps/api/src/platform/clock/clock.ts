/**
 * The time as the deployment sees it. Injected wherever "now" decides
 * something (what retention keeps), so a test can move it instead of waiting.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
