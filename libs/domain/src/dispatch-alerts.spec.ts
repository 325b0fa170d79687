import { conditionStep, isBunching, isLateStart, isLoadOld, isLongOnSite, isPumpStarving } from './dispatch-alerts';

const t0 = new Date('2026-11-30T02:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe(isLoadOld.name, () => {
  it('is old past three quarters of the time from batching to its deadline', () => {
    expect(isLoadOld(t0, at(90), at(67.5))).toBe(false);
    expect(isLoadOld(t0, at(90), at(68))).toBe(true);
  });
});

describe(isPumpStarving.name, () => {
  const base = { trucksAtPump: 0, targetIntervalMinutes: 12, remainingM3: 40, now: t0 };
  it('starves when the next truck is further off than the rhythm’s interval', () => {
    expect(isPumpStarving({ ...base, nextArrivalAt: at(12) })).toBe(false);
    expect(isPumpStarving({ ...base, nextArrivalAt: at(13) })).toBe(true);
    expect(isPumpStarving({ ...base, nextArrivalAt: null })).toBe(true);
  });
  it('does not starve with a truck at the pump, nothing left, or the site holding', () => {
    expect(isPumpStarving({ ...base, trucksAtPump: 1, nextArrivalAt: null })).toBe(false);
    expect(isPumpStarving({ ...base, remainingM3: 0, nextArrivalAt: null })).toBe(false);
    expect(isPumpStarving({ ...base, targetIntervalMinutes: null, nextArrivalAt: null })).toBe(false);
  });
});

describe(isBunching.name, () => {
  it('bunches with more than two trucks waiting', () => {
    expect(isBunching(2)).toBe(false);
    expect(isBunching(3)).toBe(true);
  });
});

describe(isLongOnSite.name, () => {
  it('is long after two hours on site', () => {
    expect(isLongOnSite(t0, at(120))).toBe(false);
    expect(isLongOnSite(t0, at(121))).toBe(true);
  });
});

describe(isLateStart.name, () => {
  it('is late fifteen minutes after the start with no discharge begun', () => {
    expect(isLateStart(t0, null, at(15))).toBe(false);
    expect(isLateStart(t0, null, at(16))).toBe(true);
    expect(isLateStart(t0, at(20), at(30))).toBe(false);
  });
});

describe(conditionStep.name, () => {
  it('raises an off-route truck only once it has been off for a minute', () => {
    expect(conditionStep('off_route', true, null, t0)).toBe('wait');
    expect(conditionStep('off_route', true, { firstSeenAt: t0, raised: false }, at(0.5))).toBe('wait');
    expect(conditionStep('off_route', true, { firstSeenAt: t0, raised: false }, at(1))).toBe('raise');
  });

  it('raises at once what needs no wait, holds it while it lasts, resolves it when it ends', () => {
    expect(conditionStep('bunching', true, null, t0)).toBe('raise');
    expect(conditionStep('bunching', true, { firstSeenAt: t0, raised: true }, at(5))).toBe('hold');
    expect(conditionStep('bunching', false, { firstSeenAt: t0, raised: true }, at(6))).toBe('resolve');
  });

  it('forgets a condition that ended before it was raised', () => {
    expect(conditionStep('stopped_on_road', false, { firstSeenAt: t0, raised: false }, at(3))).toBe('forget');
    expect(conditionStep('stopped_on_road', false, null, at(3))).toBe('wait');
  });
});
