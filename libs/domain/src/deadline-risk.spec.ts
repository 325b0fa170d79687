import { isDeadlineAtRisk } from './deadline-risk';

describe('isDeadlineAtRisk', () => {
  const load = { status: 'en_route' as const, rejected: false, minutesToDeadline: 60, etaBeatsDeadline: true };

  it('flags a truck whose ETA leaves no time to discharge', () => {
    expect(isDeadlineAtRisk({ ...load, etaBeatsDeadline: false })).toBe(true);
  });

  it('flags a load with under 15 minutes left, and not one with exactly 15', () => {
    expect(isDeadlineAtRisk({ ...load, minutesToDeadline: 14.9 })).toBe(true);
    expect(isDeadlineAtRisk({ ...load, minutesToDeadline: 15 })).toBe(false);
  });

  it('leaves alone loads already poured, rejected or still at the plant', () => {
    expect(isDeadlineAtRisk({ ...load, status: 'discharging', minutesToDeadline: 1 })).toBe(false);
    expect(isDeadlineAtRisk({ ...load, rejected: true, etaBeatsDeadline: false })).toBe(false);
    expect(isDeadlineAtRisk({ ...load, status: 'loading', minutesToDeadline: 1 })).toBe(false);
  });
});
