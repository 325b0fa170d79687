import { evaluateAirContent } from './air-content';

describe(evaluateAirContent.name, () => {
  it('accepts 6.0 % against a 4.5 % target, on the upper limit', () => {
    expect(evaluateAirContent({ targetPercent: 4.5, measuredPercent: 6.0 })).toEqual({
      pass: true,
      tolerancePercentagePoints: 1.5,
      deviationPercentagePoints: 1.5,
      minPercent: 3,
      maxPercent: 6,
    });
  });

  it('accepts 3.7 % against a 5.2 % target although floating point puts it a hair out', () => {
    expect(evaluateAirContent({ targetPercent: 5.2, measuredPercent: 3.7 }).pass).toBe(true);
    expect(evaluateAirContent({ targetPercent: 5.2, measuredPercent: 6.7 }).pass).toBe(true);
  });

  it('rejects 6.1 % against a 4.5 % target', () => {
    expect(evaluateAirContent({ targetPercent: 4.5, measuredPercent: 6.1 }).pass).toBe(false);
  });

  it('rejects 2.9 % against a 4.5 % target', () => {
    expect(evaluateAirContent({ targetPercent: 4.5, measuredPercent: 2.9 }).pass).toBe(false);
  });

  it('uses a tighter tolerance when one is set', () => {
    const result = evaluateAirContent({ targetPercent: 5, measuredPercent: 6.2, tolerancePercentagePoints: 1 });
    expect(result).toMatchObject({ pass: false, tolerancePercentagePoints: 1, minPercent: 4, maxPercent: 6 });
  });

  it('never gives a minimum below 0 %', () => {
    expect(evaluateAirContent({ targetPercent: 1, measuredPercent: 0 }).minPercent).toBe(0);
  });

  it.each([
    ['a negative reading', { targetPercent: 5, measuredPercent: -0.1 }],
    ['a non-finite reading', { targetPercent: 5, measuredPercent: NaN }],
    ['an implausible reading', { targetPercent: 5, measuredPercent: 45 }],
    ['a negative tolerance', { targetPercent: 5, measuredPercent: 5, tolerancePercentagePoints: -1 }],
  ])('refuses %s', (_, input) => {
    expect(() => evaluateAirContent(input)).toThrow(RangeError);
  });
});
