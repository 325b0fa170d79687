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

  it('refuses for a loop that stays late, not for one late sample, and takes fixes again once it keeps time', () => {
    const lag = new EventLoopLag();
    const refuses = () => overload({ eventLoopLagMs: lag.currentMs, oldestWaitingMs: 0 }, LIMITS) !== null;
    expect(lag.currentMs).toBe(0);
    lag.observe(900);
    expect(refuses()).toBe(false);
    lag.observe(700);
    expect(lag.currentMs).toBe(700);
    expect(refuses()).toBe(true);
    lag.observe(3);
    expect(lag.currentMs).toBe(3);
    expect(refuses()).toBe(false);
    // A timer cannot fire early; a negative reading is clock noise, not a loop ahead of time.
    lag.observe(-2);
    expect(lag.currentMs).toBe(0);
  });
});
