import { evaluateStrength, nonStatisticalFactors, parseStrengthGrade } from './strength-acceptance';

describe(parseStrengthGrade.name, () => {
  it.each([
    ['C30', 30],
    ['C60', 60],
    ['C100', 100],
    [' C25 ', 25],
  ])('reads %p as %p MPa', (grade, mpa) => {
    expect(parseStrengthGrade(grade)).toBe(mpa);
  });

  it.each(['30', 'c30', 'C', 'C30.5', 'LC30', 'C300', 'C0', ''])('refuses %p', (grade) => {
    expect(() => parseStrengthGrade(grade)).toThrow(RangeError);
  });
});

describe(nonStatisticalFactors.name, () => {
  it('uses 1.15 and 0.95 below C60', () => {
    expect(nonStatisticalFactors(55)).toEqual({ lambda3: 1.15, lambda4: 0.95 });
  });

  it('uses 1.10 and 0.95 from C60', () => {
    expect(nonStatisticalFactors(60)).toEqual({ lambda3: 1.1, lambda4: 0.95 });
  });
});

describe(evaluateStrength.name, () => {
  it('accepts C30 sets averaging exactly 34.5 MPa with none below 28.5 MPa', () => {
    expect(evaluateStrength({ grade: 'C30', resultsMpa: [34.5, 40.5, 28.5] })).toEqual({
      pass: true,
      meanMpa: 34.5,
      minMpa: 28.5,
      requiredMeanMpa: 34.5,
      requiredMinMpa: 28.5,
      method: 'non_statistical',
    });
  });

  it('rejects C30 sets averaging 34.4 MPa', () => {
    expect(evaluateStrength({ grade: 'C30', resultsMpa: [34.4, 34.4, 34.4] }).pass).toBe(false);
  });

  it('rejects C30 sets with a good mean but one set at 28.4 MPa', () => {
    const result = evaluateStrength({ grade: 'C30', resultsMpa: [40, 40, 28.4] });
    expect(result).toMatchObject({ pass: false, minMpa: 28.4 });
    expect(result.meanMpa).toBeCloseTo(36.13, 2);
  });

  it('asks only 1.10 × f_cu,k of the mean from C60', () => {
    const result = evaluateStrength({ grade: 'C60', resultsMpa: [66, 66, 66] });
    expect(result).toMatchObject({ pass: true, requiredMeanMpa: 66, requiredMinMpa: 57 });
  });

  it('asks 1.15 × f_cu,k of a C55 mean', () => {
    expect(evaluateStrength({ grade: 'C55', resultsMpa: [63, 63] })).toMatchObject({
      pass: false,
      requiredMeanMpa: 63.25,
    });
  });

  it('takes a single set', () => {
    expect(evaluateStrength({ grade: 'C20', resultsMpa: [23] }).pass).toBe(true);
  });

  it('takes nine sets', () => {
    expect(evaluateStrength({ grade: 'C30', resultsMpa: Array(9).fill(35) }).pass).toBe(true);
  });

  it('refuses ten sets and names the statistical method it does not cover', () => {
    expect(() => evaluateStrength({ grade: 'C30', resultsMpa: Array(10).fill(35) })).toThrow(/statistical method/);
  });

  it('refuses an empty list of results', () => {
    expect(() => evaluateStrength({ grade: 'C30', resultsMpa: [] })).toThrow(RangeError);
  });

  it.each([-1, NaN])('refuses a result of %p MPa', (result) => {
    expect(() => evaluateStrength({ grade: 'C30', resultsMpa: [35, result] })).toThrow(RangeError);
  });

  it('refuses a bad grade', () => {
    expect(() => evaluateStrength({ grade: 'thirty', resultsMpa: [35] })).toThrow(RangeError);
  });
});
