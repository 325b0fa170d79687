import { SIGMA0_MIN_SETS, sigma0FromRecord } from './strength-record';

const DAY_MS = 86_400_000;
const lotStart = new Date('2026-06-01T00:00:00Z');
const daysBefore = (days: number) => new Date(lotStart.getTime() - days * DAY_MS);

/** `count` sets alternating 33 and 37 MPa, spread evenly from `firstDaysBefore` days before the lot up to the day before. */
function record(count: number, firstDaysBefore: number) {
  return Array.from({ length: count }, (_, index) => ({
    at: daysBefore(firstDaysBefore - (index * (firstDaysBefore - 1)) / Math.max(1, count - 1)),
    strengthMpa: index % 2 === 0 ? 33 : 37,
  }));
}

describe(sigma0FromRecord.name, () => {
  it('knows σ0 from 45 sets over 80 days', () => {
    const result = sigma0FromRecord(record(45, 80), lotStart);
    // 23 sets of 33 and 22 of 37: m = 34.956; Σ(f − m)² = 23 × 3.824 + 22 × 4.180 = 179.9; √(179.9 / 44) = 2.02.
    expect(result).toMatchObject({ known: true, sets: 45, periodDays: 80, sigma0Mpa: 2.02 });
  });

  it('does not know σ0 from 44 sets', () => {
    expect(sigma0FromRecord(record(SIGMA0_MIN_SETS - 1, 80), lotStart)).toMatchObject({
      known: false,
      reason: 'too_few_sets',
      sets: 44,
    });
  });

  it('does not know σ0 from a period shorter than 60 days', () => {
    expect(sigma0FromRecord(record(60, 59), lotStart)).toMatchObject({
      known: false,
      reason: 'period_too_short',
      periodDays: 59,
    });
    expect(sigma0FromRecord(record(60, 60), lotStart)).toMatchObject({ known: true, periodDays: 60 });
  });

  it('looks back no more than 90 days and not at the lot itself', () => {
    const old = record(45, 80).map((entry) => ({ ...entry, at: new Date(entry.at.getTime() - 20 * DAY_MS) }));
    // Shifted 20 days back, the oldest fall outside the 90 days and too few are left.
    const result = sigma0FromRecord(old, lotStart);
    expect(result.known).toBe(false);
    expect(result.sets).toBeLessThan(45);
    const withLot = [...record(44, 80), { at: lotStart, strengthMpa: 35 }];
    expect(sigma0FromRecord(withLot, lotStart)).toMatchObject({ known: false, sets: 44 });
  });
});
