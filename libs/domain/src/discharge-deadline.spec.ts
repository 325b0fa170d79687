import {
  concreteAgeMinutes,
  DEFAULT_MAX_MINUTES_BATCH_TO_DISCHARGE,
  DEFAULT_SAFETY_MARGIN_MINUTES,
  dischargeDeadline,
  isPastDeadline,
  minutesToDeadline,
} from './discharge-deadline';

const batchedAt = new Date('2024-06-01T08:00:00Z');
const at = (iso: string) => new Date(iso);

describe(dischargeDeadline.name, () => {
  it('defaults to 90 minutes and a 30 minute margin', () => {
    expect(DEFAULT_MAX_MINUTES_BATCH_TO_DISCHARGE).toBe(90);
    expect(DEFAULT_SAFETY_MARGIN_MINUTES).toBe(30);
  });

  it('is 90 minutes after batching when setting is slow', () => {
    expect(dischargeDeadline({ batchedAt, initialSettingMinutes: 240 })).toEqual({
      deadline: at('2024-06-01T09:30:00Z'),
      limitedBy: 'max_age',
    });
  });

  it('is initial setting less the margin when that comes first', () => {
    expect(dischargeDeadline({ batchedAt, initialSettingMinutes: 100 })).toEqual({
      deadline: at('2024-06-01T09:10:00Z'),
      limitedBy: 'initial_setting',
    });
  });

  it('names the age limit when both fall at the same minute', () => {
    expect(dischargeDeadline({ batchedAt, initialSettingMinutes: 120 }).limitedBy).toBe('max_age');
  });

  it('names initial setting one minute before the age limit', () => {
    const result = dischargeDeadline({ batchedAt, initialSettingMinutes: 119 });
    expect(result).toEqual({ deadline: at('2024-06-01T09:29:00Z'), limitedBy: 'initial_setting' });
  });

  it('takes the mix maximum and margin when given', () => {
    const result = dischargeDeadline({
      batchedAt,
      maxMinutesBatchToDischarge: 60,
      initialSettingMinutes: 240,
      safetyMarginMinutes: 10,
    });
    expect(result).toEqual({ deadline: at('2024-06-01T09:00:00Z'), limitedBy: 'max_age' });
  });

  it('puts the deadline at batching when the margin eats the whole setting time', () => {
    const result = dischargeDeadline({ batchedAt, initialSettingMinutes: 30, safetyMarginMinutes: 45 });
    expect(result).toEqual({ deadline: batchedAt, limitedBy: 'initial_setting' });
  });

  it.each([
    ['an invalid batch time', { batchedAt: new Date('nonsense'), initialSettingMinutes: 120 }],
    ['a zero initial setting time', { batchedAt, initialSettingMinutes: 0 }],
    ['a non-finite initial setting time', { batchedAt, initialSettingMinutes: NaN }],
    ['a zero maximum age', { batchedAt, initialSettingMinutes: 120, maxMinutesBatchToDischarge: 0 }],
    ['a negative margin', { batchedAt, initialSettingMinutes: 120, safetyMarginMinutes: -1 }],
  ])('refuses %s', (_, input) => {
    expect(() => dischargeDeadline(input)).toThrow(RangeError);
  });
});

describe(minutesToDeadline.name, () => {
  const deadline = at('2024-06-01T09:30:00Z');

  it('counts the minutes left', () => {
    expect(minutesToDeadline(deadline, at('2024-06-01T09:00:00Z'))).toBe(30);
  });

  it('is 0 at the deadline', () => {
    expect(minutesToDeadline(deadline, deadline)).toBe(0);
  });

  it('goes negative once the deadline has passed', () => {
    expect(minutesToDeadline(deadline, at('2024-06-01T09:31:30Z'))).toBe(-1.5);
  });
});

describe(isPastDeadline.name, () => {
  const deadline = at('2024-06-01T09:30:00Z');

  it('is not past exactly at the deadline', () => {
    expect(isPastDeadline(deadline, deadline)).toBe(false);
  });

  it('is past one second later', () => {
    expect(isPastDeadline(deadline, at('2024-06-01T09:30:01Z'))).toBe(true);
  });
});

describe(concreteAgeMinutes.name, () => {
  it('is exactly 90 minutes an hour and a half after batching', () => {
    expect(concreteAgeMinutes(batchedAt, at('2024-06-01T09:30:00Z'))).toBe(90);
  });

  it('keeps fractions of a minute', () => {
    expect(concreteAgeMinutes(batchedAt, at('2024-06-01T08:00:30Z'))).toBe(0.5);
  });

  it('reads a clock slightly ahead of the plant as 0, not negative', () => {
    expect(concreteAgeMinutes(batchedAt, at('2024-06-01T07:59:50Z'))).toBe(0);
  });

  it('refuses an invalid date', () => {
    expect(() => concreteAgeMinutes(batchedAt, new Date(NaN))).toThrow(RangeError);
  });
});
