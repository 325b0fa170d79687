import { productionControlFigures, readyMixSigmaLimitMpa } from './production-control';

const times = (values: number[], count: number) => Array.from({ length: count }, () => values).flat();

describe(readyMixSigmaLimitMpa.name, () => {
  it.each([
    [15, 3.0],
    [20, 3.5],
    [30, 3.5],
    [40, 3.5],
    [45, 4.0],
    [60, 4.0],
  ])('limits σ of C%p at a ready-mix plant to %p MPa', (grade, limit) => {
    expect(readyMixSigmaLimitMpa(grade)).toBe(limit);
  });
});

describe(productionControlFigures.name, () => {
  it('keeps 30 C30 sets of 30, 32, 34, 36, 38 MPa within limits: σ = √(240 / 29) = 2.88, P = 100 %', () => {
    expect(productionControlFigures('C30', times([30, 32, 34, 36, 38], 6))).toEqual({
      grade: 'C30',
      sets: 30,
      meanMpa: 34,
      sigmaMpa: 2.88,
      sigmaLimitMpa: 3.5,
      sigmaWithinLimit: true,
      setsAtLeastGrade: 30,
      shareAtLeastGradePercent: 100,
      shareWithinLimit: true,
      status: 'within_limits',
    });
  });

  it('puts C30 out of limits on σ alone: 30, 33 … 42 MPa give σ = √(540 / 29) = 4.32 > 3.5', () => {
    expect(productionControlFigures('C30', times([30, 33, 36, 39, 42], 6))).toMatchObject({
      sigmaMpa: 4.32,
      sigmaWithinLimit: false,
      shareWithinLimit: true,
      status: 'out_of_limits',
    });
  });

  it('takes 29 of 30 sets reaching the grade (96.7 %) and not 28 of 30 (93.3 %)', () => {
    const oneBelow = [29.9, ...times([30, 32, 34, 36, 38], 6).slice(1)];
    expect(productionControlFigures('C30', oneBelow)).toMatchObject({
      setsAtLeastGrade: 29,
      shareAtLeastGradePercent: 96.7,
      shareWithinLimit: true,
    });
    const twoBelow = [29.9, 29.9, ...times([30, 32, 34, 36, 38], 6).slice(2)];
    expect(productionControlFigures('C30', twoBelow)).toMatchObject({
      setsAtLeastGrade: 28,
      shareAtLeastGradePercent: 93.3,
      shareWithinLimit: false,
      status: 'out_of_limits',
    });
  });

  it('counts a set exactly at the grade as reaching it, and judges P at exactly 95 %', () => {
    const forty = [29.9, 29.9, ...Array<number>(38).fill(30)];
    expect(productionControlFigures('C30', forty)).toMatchObject({
      shareAtLeastGradePercent: 95,
      shareWithinLimit: true,
    });
    // 38 of 41 sets: 92.7 %.
    const fortyOne = [29.9, 29.9, 29.9, ...Array<number>(38).fill(30)];
    expect(productionControlFigures('C30', fortyOne)).toMatchObject({
      shareWithinLimit: false,
      status: 'out_of_limits',
    });
  });

  it('shows the figures of fewer than 30 sets without judging them', () => {
    // 30, 33, 36, 39, 42 five times and 30, 33, 36, 39: σ = 4.24, above 3.5 but not yet judged.
    expect(productionControlFigures('C30', times([30, 33, 36, 39, 42], 6).slice(0, 29))).toMatchObject({
      sets: 29,
      sigmaMpa: 4.24,
      sigmaWithinLimit: null,
      shareWithinLimit: null,
      status: 'too_few_sets',
    });
  });

  it('does not judge a month by its first set: one C30 set at 28 MPa is too few', () => {
    expect(productionControlFigures('C30', [28])).toMatchObject({
      sigmaMpa: null,
      shareAtLeastGradePercent: 0,
      shareWithinLimit: null,
      status: 'too_few_sets',
    });
  });

  it('says so when there are no sets', () => {
    expect(productionControlFigures('C35', [])).toMatchObject({ sets: 0, meanMpa: null, status: 'no_sets' });
  });
});
