import { instantToWallClock, wallClockToInstant } from './time-zone';

describe(wallClockToInstant.name, () => {
  it('reads the wall clock of a plant in Shanghai as UTC+8', () => {
    expect(wallClockToInstant('2025-06-03T07:30', 'Asia/Shanghai')).toBe('2025-06-02T23:30:00.000Z');
  });

  it('follows daylight saving time in the plant zone', () => {
    expect(wallClockToInstant('2025-01-15T08:00', 'Europe/Berlin')).toBe('2025-01-15T07:00:00.000Z');
    expect(wallClockToInstant('2025-07-15T08:00', 'Europe/Berlin')).toBe('2025-07-15T06:00:00.000Z');
    expect(wallClockToInstant('2025-03-09T12:00', 'America/New_York')).toBe('2025-03-09T16:00:00.000Z');
  });

  it('takes the first occurrence of an hour that repeats when clocks go back', () => {
    expect(wallClockToInstant('2025-10-26T02:30', 'Europe/Berlin')).toBe('2025-10-26T00:30:00.000Z');
  });

  it('moves a time skipped when clocks go forward by the jump', () => {
    expect(wallClockToInstant('2025-03-30T02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
  });

  it('gives null for an empty or impossible value and for an unknown zone', () => {
    expect(wallClockToInstant('', 'Asia/Shanghai')).toBeNull();
    expect(wallClockToInstant('2025-02-30T08:00', 'Asia/Shanghai')).toBeNull();
    expect(wallClockToInstant('2025-02-03T08:00', 'Mars/Olympus')).toBeNull();
  });
});

describe(instantToWallClock.name, () => {
  it('shows an instant on the plant wall clock, not the browser one', () => {
    expect(instantToWallClock('2025-06-02T23:30:00.000Z', 'Asia/Shanghai')).toBe('2025-06-03T07:30');
    expect(instantToWallClock('2025-06-02T23:30:00.000Z', 'America/Chicago')).toBe('2025-06-02T18:30');
  });

  it('round-trips with wallClockToInstant', () => {
    const iso = '2025-11-02T13:45:00.000Z';
    expect(wallClockToInstant(instantToWallClock(iso, 'Australia/Sydney'), 'Australia/Sydney')).toBe(iso);
  });

  it('gives an empty value for an unreadable instant or zone', () => {
    expect(instantToWallClock('not a date', 'Asia/Shanghai')).toBe('');
    expect(instantToWallClock('2025-06-02T23:30:00.000Z', 'Mars/Olympus')).toBe('');
  });
});
