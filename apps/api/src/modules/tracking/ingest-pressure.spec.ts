import { EventLoopLag, IngestOverloadedError, overload } from './ingest-pressure';

const LIMITS = { maxEventLoopLagMs: 500, maxQueueAgeMs: 2_000 };

describe('ingest back-pressure', () => {
  it('takes fixes while the loop keeps time and nothing waits long', () => {
    expect(overload({ eventLoopLagMs: 0, oldestWaitingMs: 0 }, LIMITS)).toBeNull();
    expect(overload({ eventLoopLagMs: 500, oldestWaitingMs: 2_000 }, LIMITS)).toBeNull();
  });

  it('refuses with 503 and asks for about the backlog’s age before a resend when a fix has waited too long', () => {
    const refusal = overload({ eventLoopLagMs: 0, oldestWaitingMs: 4_200 }, LIMITS);
    expect(refusal).toBeInstanceOf(IngestOverloadedError);
    expect(refusal).toMatchObject({ status: 503, code: 'ingest_overloaded', retryAfterSeconds: 5 });
    expect(refusal!.message).toBe(
      'The server is behind (positions wait 4200 ms to be stored, more than 2000 ms); keep this position and send it again later',
    );
  });

  it('refuses when the event loop runs late, asking for at least a second and at most thirty', () => {
    const late = overload({ eventLoopLagMs: 620, oldestWaitingMs: 0 }, LIMITS);
    expect(late).toMatchObject({ status: 503, retryAfterSeconds: 1 });
    expect(late!.message).toContain('it runs 620 ms late, more than 500 ms');
    expect(overload({ eventLoopLagMs: 0, oldestWaitingMs: 600_000 }, LIMITS)!.retryAfterSeconds).toBe(30);
  });

  it('follows the loop’s lag as sampled: one late sample refuses only until the loop keeps time again', () => {
    const lag = new EventLoopLag();
    expect(lag.currentMs).toBe(0);
    lag.observe(800);
    expect(overload({ eventLoopLagMs: lag.currentMs, oldestWaitingMs: 0 }, LIMITS)).not.toBeNull();
    lag.observe(3);
    expect(lag.currentMs).toBe(3);
    expect(overload({ eventLoopLagMs: lag.currentMs, oldestWaitingMs: 0 }, LIMITS)).toBeNull();
    // A timer cannot fire early; a negative reading is clock noise, not a loop ahead of time.
    lag.observe(-2);
    expect(lag.currentMs).toBe(0);
  });
});
