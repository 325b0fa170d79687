import { describe, expect, it } from '@jest/globals';
import { FixedClock } from '../clock/clock';
import { LoginThrottle, TooManySignInsError } from './login-throttle';

const limits = { failuresPerUser: 3, failuresPerAddress: 5, windowSeconds: 900 };
const start = new Date('2030-05-14T08:00:00Z');

function refusal(check: () => void): TooManySignInsError | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof TooManySignInsError) return error;
    throw error;
  }
}

describe(LoginThrottle.name, () => {
  it('refuses a user name once its failures are used up, until the window ends', () => {
    const clock = new FixedClock(start);
    const throttle = new LoginThrottle(clock, limits);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(refusal(() => throttle.check('ana', '10.0.0.1'))).toBeUndefined();
      throttle.recordFailure('ana', '10.0.0.1');
    }
    const refused = refusal(() => throttle.check('ana', '10.0.0.2'));
    expect(refused?.status).toBe(429);
    expect(refused?.retryAfterSeconds).toBe(900);
    clock.set(new Date(start.getTime() + 600_000));
    expect(refusal(() => throttle.check('ana', '10.0.0.2'))?.retryAfterSeconds).toBe(300);
    clock.set(new Date(start.getTime() + 900_000));
    expect(refusal(() => throttle.check('ana', '10.0.0.2'))).toBeUndefined();
  });

  it('refuses an address that fails with many user names, and lets other addresses in', () => {
    const throttle = new LoginThrottle(new FixedClock(start), limits);
    for (let attempt = 0; attempt < 5; attempt += 1) throttle.recordFailure(`user-${attempt}`, '10.0.0.9');
    expect(refusal(() => throttle.check('someone-new', '10.0.0.9'))?.code).toBe('too_many_sign_ins');
    expect(refusal(() => throttle.check('someone-new', '10.0.0.10'))).toBeUndefined();
  });

  it('clears a user name’s failures on a right password, but not its address’s', () => {
    const throttle = new LoginThrottle(new FixedClock(start), { ...limits, failuresPerAddress: 3 });
    throttle.recordFailure('ana', '10.0.0.1');
    throttle.recordFailure('ana', '10.0.0.1');
    throttle.recordSuccess('ana');
    throttle.recordFailure('ana', '10.0.0.1');
    expect(refusal(() => throttle.check('ana', '10.0.0.2'))).toBeUndefined();
    expect(refusal(() => throttle.check('bo', '10.0.0.1'))).toBeDefined();
  });
});
