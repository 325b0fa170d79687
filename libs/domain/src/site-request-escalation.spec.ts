import { isRequestOverdue } from './site-request-escalation';

const askedAt = new Date('2026-11-30T02:00:00Z');
const after = (seconds: number) => new Date(askedAt.getTime() + seconds * 1000);

describe(isRequestOverdue.name, () => {
  it('is not overdue up to two minutes', () => {
    expect(isRequestOverdue(askedAt, null, after(119))).toBe(false);
    expect(isRequestOverdue(askedAt, null, after(120))).toBe(false);
  });

  it('is overdue past two minutes without an acknowledgement', () => {
    expect(isRequestOverdue(askedAt, null, after(121))).toBe(true);
  });

  it('is never overdue once acknowledged', () => {
    expect(isRequestOverdue(askedAt, after(300), after(600))).toBe(false);
  });

  it('takes another limit when a producer sets one', () => {
    expect(isRequestOverdue(askedAt, null, after(61), 1)).toBe(true);
  });
});
