import { earlyStart, loadingOpensAt } from './early-start';

const scheduledStart = new Date('2026-05-04T09:00:00Z');
const minutesBefore = (minutes: number) => new Date(scheduledStart.getTime() - minutes * 60_000);

describe(earlyStart.name, () => {
  it.each([
    ['four and a half hours before the start', 270, true],
    ['91 minutes before the start', 91, true],
    ['90 minutes and one second before the start', 90 + 1 / 60, true],
    ['exactly 90 minutes before the start', 90, false],
    ['89 minutes before the start', 89, false],
    ['at the planned start', 0, false],
    ['an hour after the planned start', -60, false],
  ])('asks for a reason when loading starts %s: %s', (_case, minutes, early) => {
    const result = earlyStart({
      loadingStartsAt: minutesBefore(minutes),
      scheduledStart,
      maxMinutesLoadingBeforeStart: 90,
    });
    expect(result.early).toBe(early);
    expect(result.minutesBeforeStart).toBeCloseTo(minutes, 6);
  });

  it('takes the plant’s own limit', () => {
    const input = { loadingStartsAt: minutesBefore(31), scheduledStart };
    expect(earlyStart({ ...input, maxMinutesLoadingBeforeStart: 30 }).early).toBe(true);
    expect(earlyStart({ ...input, maxMinutesLoadingBeforeStart: 45 }).early).toBe(false);
    expect(earlyStart({ ...input, loadingStartsAt: minutesBefore(0.1), maxMinutesLoadingBeforeStart: 0 }).early).toBe(
      true,
    );
  });

  it.each([
    ['a negative limit', { maxMinutesLoadingBeforeStart: -1 }],
    ['an invalid start', { scheduledStart: new Date('nonsense') }],
    ['an invalid loading time', { loadingStartsAt: new Date('nonsense') }],
  ])('refuses %s', (_case, change) => {
    expect(() =>
      earlyStart({ loadingStartsAt: minutesBefore(10), scheduledStart, maxMinutesLoadingBeforeStart: 90, ...change }),
    ).toThrow(RangeError);
  });
});

describe(loadingOpensAt.name, () => {
  it('is the planned start less the limit', () => {
    expect(loadingOpensAt(scheduledStart, 90)).toEqual(new Date('2026-05-04T07:30:00Z'));
  });

  it('agrees with the rule: loading at that instant needs no reason, a second earlier does', () => {
    const opens = loadingOpensAt(scheduledStart, 90);
    const rule = (loadingStartsAt: Date) =>
      earlyStart({ loadingStartsAt, scheduledStart, maxMinutesLoadingBeforeStart: 90 }).early;
    expect(rule(opens)).toBe(false);
    expect(rule(new Date(opens.getTime() - 1000))).toBe(true);
  });
});
