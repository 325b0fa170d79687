import { DEFAULT_OBSERVED_TIME_RULES, judgeObservedTime } from './observed-time';

const at = (iso: string) => new Date(iso);
const receivedAt = at('2030-05-01T10:40:00Z');

describe(judgeObservedTime.name, () => {
  it('takes the time the server received an action sent at once', () => {
    expect(judgeObservedTime({ observedAt: null, receivedAt })).toEqual({ ok: true, at: receivedAt });
  });

  it('records an action queued offline at the time it was taken', () => {
    const observedAt = at('2030-05-01T10:00:00Z');
    expect(judgeObservedTime({ observedAt, receivedAt })).toEqual({ ok: true, at: observedAt });
  });

  it('reads a clock a little ahead as now', () => {
    const observedAt = at('2030-05-01T10:44:59Z');
    expect(judgeObservedTime({ observedAt, receivedAt })).toEqual({ ok: true, at: receivedAt });
  });

  it('refuses a time further ahead than the clock skew allowed', () => {
    const verdict = judgeObservedTime({ observedAt: at('2030-05-01T10:45:01Z'), receivedAt });
    expect(verdict).toMatchObject({ ok: false, problem: 'in_future' });
  });

  it('refuses a time more than 24 h old, and takes one just inside', () => {
    expect(judgeObservedTime({ observedAt: at('2030-04-30T10:39:59Z'), receivedAt })).toMatchObject({
      ok: false,
      problem: 'too_old',
    });
    expect(judgeObservedTime({ observedAt: at('2030-04-30T10:40:00Z'), receivedAt }).ok).toBe(true);
  });

  it('refuses a time before the load’s previous step, and takes the same instant', () => {
    const notBefore = at('2030-05-01T10:05:00Z');
    expect(judgeObservedTime({ observedAt: at('2030-05-01T10:04:59Z'), receivedAt, notBefore })).toMatchObject({
      ok: false,
      problem: 'before_previous_step',
    });
    expect(judgeObservedTime({ observedAt: notBefore, receivedAt, notBefore })).toEqual({ ok: true, at: notBefore });
  });

  it('refuses an invalid date loudly', () => {
    expect(() => judgeObservedTime({ observedAt: new Date('nonsense'), receivedAt })).toThrow(RangeError);
  });

  it('allows 5 minutes of clock skew and 24 hours of age by default', () => {
    expect(DEFAULT_OBSERVED_TIME_RULES).toEqual({ maxClockSkewMinutes: 5, maxAgeHours: 24 });
  });
});
