import { defaultDesignSigmaMpa, designSigmaMpa, lowerCusum, targetMeanStrengthMpa } from './strength-cusum';

describe('target mean strength (JGJ 55-2011)', () => {
  it.each([
    [20, 4],
    [25, 5],
    [45, 5],
    [50, 6],
  ])('takes σ of C%p without a record as %p MPa', (grade, sigma) => {
    expect(defaultDesignSigmaMpa(grade)).toBe(sigma);
  });

  it('takes the plant’s own σ from 30 sets, not below 3.0 MPa up to C30 nor 4.0 MPa above', () => {
    expect(designSigmaMpa(30, { sigmaMpa: 2.1, sets: 30 })).toBe(3);
    expect(designSigmaMpa(30, { sigmaMpa: 3.42, sets: 30 })).toBe(3.42);
    expect(designSigmaMpa(35, { sigmaMpa: 3.6, sets: 40 })).toBe(4);
    expect(designSigmaMpa(35, { sigmaMpa: 3.6, sets: 29 })).toBe(5);
    expect(designSigmaMpa(35, null)).toBe(5);
  });

  it('aims C30 at 30 + 1.645 × 5 = 38.2 MPa and C60 at 1.15 × 60 = 69 MPa', () => {
    expect(targetMeanStrengthMpa(30, 5)).toBe(38.2);
    expect(targetMeanStrengthMpa(60, 6)).toBe(69);
  });
});

describe(lowerCusum.name, () => {
  // Target 38.2, σ 5: k = 2.5, h = 20; a 33 MPa set adds 38.2 − 2.5 − 33 = 2.7.
  it('adds nothing while production holds its target', () => {
    const chart = lowerCusum([40, 38, 41, 36, 39], 38.2, 5);
    expect(chart.points.map((point) => point.cusumMpa)).toEqual([0, 0, 0, 0, 0]);
    expect(chart.signalRuns).toEqual([]);
    expect(chart).toMatchObject({ allowanceMpa: 2.5, decisionIntervalMpa: 20 });
  });

  it('flags drift on the eighth set at 33 MPa (8 × 2.7 = 21.6 > 20), once for the run', () => {
    const chart = lowerCusum([40, 40, ...Array<number>(10).fill(33)], 38.2, 5);
    expect(chart.points[8].cusumMpa).toBe(18.9);
    expect(chart.points[9]).toEqual({ valueMpa: 33, cusumMpa: 21.6, signal: true });
    expect(chart.signalRuns).toEqual([{ startIndex: 2, signalIndex: 9 }]);
  });

  it('starts again after production recovers, and flags a second drift as its own run', () => {
    const drift = Array<number>(8).fill(33);
    const chart = lowerCusum([...drift, 60, 60, ...drift], 38.2, 5);
    expect(chart.points[9].cusumMpa).toBe(0);
    expect(chart.signalRuns).toEqual([
      { startIndex: 0, signalIndex: 7 },
      { startIndex: 10, signalIndex: 17 },
    ]);
  });
});
