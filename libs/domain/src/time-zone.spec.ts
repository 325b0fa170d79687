import {
  formatInZone,
  isValidTimeZone,
  localDateInZone,
  sameWallClock,
  shiftCalendarDay,
  zoneAbbreviation,
} from './time-zone';

describe(isValidTimeZone.name, () => {
  it.each(['Asia/Shanghai', 'America/Chicago', 'UTC', 'Etc/GMT+8'])('knows %s', (name) => {
    expect(isValidTimeZone(name)).toBe(true);
  });

  it.each(['', '  ', 'Mars/Olympus_Mons', 'Beijing'])('does not know %p', (name) => {
    expect(isValidTimeZone(name)).toBe(false);
  });
});

describe(localDateInZone.name, () => {
  const lateUtc = new Date('2024-06-01T17:30:00Z');

  it('puts 01:30 in Shanghai on the next day of UTC', () => {
    expect(localDateInZone(lateUtc, 'Asia/Shanghai')).toBe('2024-06-02');
  });

  it('keeps the UTC day in UTC', () => {
    expect(localDateInZone(lateUtc, 'UTC')).toBe('2024-06-01');
  });

  it('puts an early UTC morning on the previous day in Chicago', () => {
    expect(localDateInZone(new Date('2024-01-01T03:00:00Z'), 'America/Chicago')).toBe('2023-12-31');
  });

  it('refuses an unknown zone', () => {
    expect(() => localDateInZone(lateUtc, 'Nowhere/Land')).toThrow(RangeError);
  });

  it('refuses an invalid date', () => {
    expect(() => localDateInZone(new Date(NaN), 'UTC')).toThrow(RangeError);
  });
});

describe(formatInZone.name, () => {
  const instant = new Date('2024-03-01T06:05:00Z');

  it('shows a Shanghai plant its own clock in Chinese', () => {
    expect(formatInZone(instant, 'Asia/Shanghai', 'zh-CN')).toContain('14:05');
    expect(formatInZone(instant, 'Asia/Shanghai', 'zh-CN')).toContain('2024');
  });

  it('uses a 24-hour clock in English too', () => {
    expect(formatInZone(new Date('2024-03-01T18:05:00Z'), 'UTC', 'en')).toContain('18:05');
  });

  it('takes custom format options', () => {
    expect(formatInZone(instant, 'Asia/Shanghai', 'en', { hour: '2-digit', minute: '2-digit' })).toBe('14:05');
  });

  it('refuses an unknown zone', () => {
    expect(() => formatInZone(instant, 'Nowhere/Land', 'en')).toThrow(RangeError);
  });
});

describe(shiftCalendarDay.name, () => {
  it('moves across month, year and leap day', () => {
    expect(shiftCalendarDay('2024-12-31', 1)).toBe('2025-01-01');
    expect(shiftCalendarDay('2024-03-01', -1)).toBe('2024-02-29');
    expect(shiftCalendarDay('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => shiftCalendarDay('2025-02-30', 1)).toThrow(RangeError);
    expect(() => shiftCalendarDay('tomorrow', 1)).toThrow(RangeError);
  });
});

describe(zoneAbbreviation.name, () => {
  it('names the offset as people read it, with summer time', () => {
    expect(zoneAbbreviation(new Date('2025-06-01T00:00:00Z'), 'Asia/Shanghai', 'en')).toBe('GMT+8');
    expect(zoneAbbreviation(new Date('2025-07-01T00:00:00Z'), 'Europe/Berlin', 'en-GB')).toBe('CEST');
    expect(zoneAbbreviation(new Date('2025-07-01T00:00:00Z'), 'Mars/Olympus', 'en')).toBe('Mars/Olympus');
  });
});

describe(sameWallClock.name, () => {
  it('tells zones with one clock from zones with another, at that instant', () => {
    const summer = new Date('2025-07-01T00:00:00Z');
    const winter = new Date('2025-01-01T00:00:00Z');
    expect(sameWallClock(summer, 'Asia/Shanghai', 'Asia/Chongqing')).toBe(true);
    expect(sameWallClock(summer, 'Asia/Shanghai', 'Europe/Berlin')).toBe(false);
    expect(sameWallClock(winter, 'Europe/London', 'UTC')).toBe(true);
    expect(sameWallClock(summer, 'Europe/London', 'UTC')).toBe(false);
  });
});
