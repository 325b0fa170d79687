import {
  chooseStrengthMethod,
  evaluateKnownSigma,
  evaluateNonStatistical,
  evaluateStrength,
  evaluateUnknownSigma,
  knownSigmaMinimumFactor,
  nonStatisticalFactors,
  parseStrengthGrade,
  strengthMethodVersion,
  unknownSigmaFactors,
} from './strength-acceptance';

const repeat = (value: number, times: number): number[] => Array<number>(times).fill(value);

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

describe(chooseStrengthMethod.name, () => {
  it.each([
    [3, true, 'statistical_known_sigma'],
    [3, false, 'non_statistical'],
    [4, true, 'non_statistical'],
    [9, false, 'non_statistical'],
    [9, true, 'non_statistical'],
    [10, false, 'statistical_unknown_sigma'],
    [10, true, 'statistical_unknown_sigma'],
    [25, false, 'statistical_unknown_sigma'],
  ] as const)('takes %p sets with σ0 known %p by the %p method', (sets, known, method) => {
    expect(chooseStrengthMethod(sets, known)).toBe(method);
  });
});

describe('GB/T 50107 non-statistical method (fewer than 10 sets)', () => {
  it('uses λ3 1.15 and λ4 0.95 below C60, 1.10 and 0.95 from C60', () => {
    expect(nonStatisticalFactors(55)).toEqual({ lambda3: 1.15, lambda4: 0.95 });
    expect(nonStatisticalFactors(60)).toEqual({ lambda3: 1.1, lambda4: 0.95 });
  });

  it('accepts C30 sets averaging exactly 34.5 MPa with none below 28.5 MPa', () => {
    expect(evaluateNonStatistical({ grade: 'C30', resultsMpa: [34.5, 40.5, 28.5] })).toMatchObject({
      method: 'non_statistical',
      pass: true,
      meanPass: true,
      minPass: true,
      sets: 3,
      gradeMpa: 30,
      meanMpa: 34.5,
      minMpa: 28.5,
      requiredMeanMpa: 34.5,
      requiredMinMpa: 28.5,
      standardDeviationMpa: null,
      factors: { lambda3: 1.15, lambda4: 0.95 },
    });
  });

  it('rejects C30 sets averaging 34.4 MPa', () => {
    expect(evaluateNonStatistical({ grade: 'C30', resultsMpa: [34.4, 34.4, 34.4] })).toMatchObject({
      pass: false,
      meanPass: false,
      minPass: true,
    });
  });

  it('states the mean to 0.1 MPa as the standard does: 34.47 is read as 34.5', () => {
    const result = evaluateNonStatistical({ grade: 'C30', resultsMpa: [34.4, 34.4, 34.6] });
    expect(result).toMatchObject({ meanMpa: 34.5, pass: true });
  });

  it('rejects C30 sets with a good mean but one set at 28.4 MPa', () => {
    expect(evaluateNonStatistical({ grade: 'C30', resultsMpa: [40, 40, 28.4] })).toMatchObject({
      pass: false,
      meanPass: true,
      minPass: false,
      meanMpa: 36.1,
      minMpa: 28.4,
    });
  });

  it('asks only 1.10 × f_cu,k of the mean from C60, and 1.15 × f_cu,k of a C55 mean', () => {
    expect(evaluateNonStatistical({ grade: 'C60', resultsMpa: [66, 66, 66] })).toMatchObject({
      pass: true,
      requiredMeanMpa: 66,
      requiredMinMpa: 57,
    });
    expect(evaluateNonStatistical({ grade: 'C55', resultsMpa: [63, 63] })).toMatchObject({
      pass: false,
      requiredMeanMpa: 63.25,
    });
  });

  it('takes one set and nine sets, and refuses ten', () => {
    expect(evaluateNonStatistical({ grade: 'C20', resultsMpa: [23] }).pass).toBe(true);
    expect(evaluateNonStatistical({ grade: 'C30', resultsMpa: repeat(35, 9) }).pass).toBe(true);
    expect(() => evaluateNonStatistical({ grade: 'C30', resultsMpa: repeat(35, 10) })).toThrow(/statistical method/);
  });

  it.each([[[]], [[35, -1]], [[35, NaN]]])('refuses the results %p', (resultsMpa) => {
    expect(() => evaluateNonStatistical({ grade: 'C30', resultsMpa })).toThrow(RangeError);
  });

  it('refuses a bad grade', () => {
    expect(() => evaluateNonStatistical({ grade: 'thirty', resultsMpa: [35] })).toThrow(RangeError);
  });
});

describe('GB/T 50107 statistical method, σ unknown (10 sets or more)', () => {
  it.each([
    [9, null],
    [10, { lambda1: 1.15, lambda2: 0.9 }],
    [14, { lambda1: 1.15, lambda2: 0.9 }],
    [15, { lambda1: 1.05, lambda2: 0.85 }],
    [19, { lambda1: 1.05, lambda2: 0.85 }],
    [20, { lambda1: 0.95, lambda2: 0.85 }],
    [60, { lambda1: 0.95, lambda2: 0.85 }],
  ])('for %p sets takes λ1, λ2 = %p', (sets, factors) => {
    if (factors === null) expect(() => unknownSigmaFactors(sets)).toThrow(RangeError);
    else expect(unknownSigmaFactors(sets)).toEqual(factors);
  });

  it('judges ten C30 sets of 30, 32, 34, 36, 38 MPa twice over by hand: S = 2.98, mean needs 33.427', () => {
    // m = 34.0; Σ(f − m)² = 2 × (16 + 4 + 0 + 4 + 16) = 80; S = √(80 / 9) = 2.981 → 2.98;
    // f_cu,k + λ1·S = 30 + 1.15 × 2.98 = 33.427; λ2·f_cu,k = 0.90 × 30 = 27.
    expect(evaluateUnknownSigma({ grade: 'C30', resultsMpa: [30, 32, 34, 36, 38, 30, 32, 34, 36, 38] })).toMatchObject({
      method: 'statistical_unknown_sigma',
      pass: true,
      sets: 10,
      meanMpa: 34,
      minMpa: 30,
      standardDeviationMpa: 2.98,
      computedStandardDeviationMpa: 2.98,
      requiredMeanMpa: 33.427,
      requiredMinMpa: 27,
      factors: { lambda1: 1.15, lambda2: 0.9 },
    });
  });

  it('fails twelve C30 sets averaging 33.6 MPa with S = 3.29 (needs 33.7835; λ1 of 15 sets would pass it)', () => {
    const resultsMpa = [27.2, 29.5, 30.9, 32.1, 32.7, 33.6, 34.3, 35.0, 35.8, 36.7, 37.5, 37.9];
    // m = 403.2 / 12 = 33.6; S = 3.285 → 3.29; 30 + 1.15 × 3.29 = 33.7835; min 27.2 ≥ 0.90 × 30 = 27.
    expect(evaluateUnknownSigma({ grade: 'C30', resultsMpa })).toMatchObject({
      pass: false,
      meanPass: false,
      minPass: true,
      meanMpa: 33.6,
      minMpa: 27.2,
      standardDeviationMpa: 3.29,
      requiredMeanMpa: 33.7835,
      requiredMinMpa: 27,
    });
  });

  it('takes S as 2.5 MPa when it is computed below: ten sets at 32.0/33.6 MPa (S = 0.84) need 32.875', () => {
    const result = evaluateUnknownSigma({
      grade: 'C30',
      resultsMpa: [32, 33.6, 32, 33.6, 32, 33.6, 32, 33.6, 32, 33.6],
    });
    expect(result).toMatchObject({
      pass: false,
      meanMpa: 32.8,
      computedStandardDeviationMpa: 0.84,
      standardDeviationMpa: 2.5,
      requiredMeanMpa: 32.875,
    });
  });

  it.each([
    // Equal sets: S = 0 → 2.5; the mean needed is 30 + λ1 × 2.5.
    [10, 32.9, true, 32.875],
    [10, 32.8, false, 32.875],
    [14, 32.8, false, 32.875],
    [15, 32.7, true, 32.625],
    [19, 32.5, false, 32.625],
    [20, 32.5, true, 32.375],
  ])('switches λ1 with the lot size: %p C30 sets of %p MPa pass: %p (needs %p)', (sets, value, pass, required) => {
    expect(evaluateUnknownSigma({ grade: 'C30', resultsMpa: repeat(value, sets) })).toMatchObject({
      pass,
      requiredMeanMpa: required,
      standardDeviationMpa: 2.5,
    });
  });

  it('switches λ2 at 15 sets: a C30 set of 26.0 MPa fails 14 sets (needs 27) and passes 15 (needs 25.5)', () => {
    const fourteen = evaluateUnknownSigma({ grade: 'C30', resultsMpa: [...repeat(38, 13), 26] });
    expect(fourteen).toMatchObject({ pass: false, meanPass: true, minPass: false, requiredMinMpa: 27 });
    // m = 37.1, S = 3.21: 30 + 1.15 × 3.21 = 33.6915.
    expect(fourteen).toMatchObject({ meanMpa: 37.1, standardDeviationMpa: 3.21, requiredMeanMpa: 33.6915 });
    const fifteen = evaluateUnknownSigma({ grade: 'C30', resultsMpa: [...repeat(38, 14), 26] });
    // m = 37.2, S = 3.10: 30 + 1.05 × 3.10 = 33.255.
    expect(fifteen).toMatchObject({
      pass: true,
      requiredMinMpa: 25.5,
      standardDeviationMpa: 3.1,
      requiredMeanMpa: 33.255,
    });
  });

  it('refuses fewer than ten sets', () => {
    expect(() => evaluateUnknownSigma({ grade: 'C30', resultsMpa: repeat(35, 9) })).toThrow(RangeError);
  });
});

describe('GB/T 50107 statistical method, σ known (3 sets)', () => {
  it('splits the minimum at C20: 0.85 × f_cu,k up to C20, 0.90 above', () => {
    expect(knownSigmaMinimumFactor(15)).toBe(0.85);
    expect(knownSigmaMinimumFactor(20)).toBe(0.85);
    expect(knownSigmaMinimumFactor(25)).toBe(0.9);
  });

  it('accepts C30 sets of 32.0, 33.5, 31.0 MPa with σ0 = 3.0: mean 32.2 ≥ 32.1, minimum 31.0 ≥ 27.9', () => {
    expect(evaluateKnownSigma({ grade: 'C30', resultsMpa: [32, 33.5, 31], sigma0Mpa: 3 })).toMatchObject({
      method: 'statistical_known_sigma',
      pass: true,
      meanMpa: 32.2,
      minMpa: 31,
      standardDeviationMpa: 3,
      requiredMeanMpa: 32.1,
      requiredMinMpa: 27.9,
      factors: { sigmaFactor: 0.7, minGradeFactor: 0.9 },
    });
  });

  it('fails C30 sets averaging 32.0 MPa against the 32.1 MPa σ0 = 3.0 asks', () => {
    expect(evaluateKnownSigma({ grade: 'C30', resultsMpa: [32, 32, 32], sigma0Mpa: 3 })).toMatchObject({
      pass: false,
      meanPass: false,
    });
  });

  it('takes σ0 as 2.5 MPa when the record gives less: σ0 1.8 asks 31.75 of the mean and 28.25 of the minimum', () => {
    expect(evaluateKnownSigma({ grade: 'C30', resultsMpa: [31.8, 31.8, 31.8], sigma0Mpa: 1.8 })).toMatchObject({
      pass: true,
      computedStandardDeviationMpa: 1.8,
      standardDeviationMpa: 2.5,
      requiredMeanMpa: 31.75,
      requiredMinMpa: 28.25,
    });
    expect(evaluateKnownSigma({ grade: 'C30', resultsMpa: [34, 34, 28.2], sigma0Mpa: 1.8 })).toMatchObject({
      pass: false,
      minPass: false,
    });
  });

  it('asks a C20 minimum of 0.85 × 20 = 17.0 when f_cu,k − 0.7σ0 (16.5) is lower', () => {
    const result = evaluateKnownSigma({ grade: 'C20', resultsMpa: [27, 27, 17], sigma0Mpa: 5 });
    expect(result).toMatchObject({
      pass: true,
      requiredMinMpa: 17,
      requiredMeanMpa: 23.5,
      factors: { minGradeFactor: 0.85 },
    });
    expect(evaluateKnownSigma({ grade: 'C20', resultsMpa: [27, 27, 16.9], sigma0Mpa: 5 }).minPass).toBe(false);
  });

  it('asks a C25 minimum of 0.90 × 25 = 22.5 when f_cu,k − 0.7σ0 (21.5) is lower', () => {
    const result = evaluateKnownSigma({ grade: 'C25', resultsMpa: [30, 30, 22.4], sigma0Mpa: 5 });
    expect(result).toMatchObject({
      pass: false,
      minPass: false,
      requiredMinMpa: 22.5,
      factors: { minGradeFactor: 0.9 },
    });
  });

  it('judges lots of exactly three sets only', () => {
    expect(() => evaluateKnownSigma({ grade: 'C30', resultsMpa: [35, 35], sigma0Mpa: 3 })).toThrow(RangeError);
    expect(() => evaluateKnownSigma({ grade: 'C30', resultsMpa: repeat(35, 4), sigma0Mpa: 3 })).toThrow(RangeError);
  });
});

describe(evaluateStrength.name, () => {
  it('takes the known-σ method for three sets when the plant has σ0', () => {
    expect(evaluateStrength({ grade: 'C30', resultsMpa: [32, 33.5, 31], sigma0Mpa: 3 }).method).toBe(
      'statistical_known_sigma',
    );
  });

  it('takes the non-statistical method for three sets without σ0, and the unknown-σ method from ten', () => {
    expect(evaluateStrength({ grade: 'C30', resultsMpa: [32, 33.5, 31] }).method).toBe('non_statistical');
    expect(evaluateStrength({ grade: 'C30', resultsMpa: repeat(35, 10), sigma0Mpa: 3 }).method).toBe(
      'statistical_unknown_sigma',
    );
  });

  it('stores a method version that names the method and changes with it', () => {
    const versions = new Set(
      (['statistical_known_sigma', 'statistical_unknown_sigma', 'non_statistical'] as const).map(strengthMethodVersion),
    );
    expect(versions.size).toBe(3);
    expect(strengthMethodVersion('statistical_unknown_sigma')).toMatch(/^gbt50107-unknown_sigma-[0-9a-f]{14}$/);
    expect(evaluateStrength({ grade: 'C30', resultsMpa: [35] }).methodVersion).toBe(
      strengthMethodVersion('non_statistical'),
    );
  });

  it('keeps its versions from one release to the next unless the tables change', () => {
    // Stored verdicts name these: a change here must be a deliberate change of the tables.
    expect(strengthMethodVersion('statistical_known_sigma')).toBe('gbt50107-known_sigma-1d07d869ced334');
    expect(strengthMethodVersion('statistical_unknown_sigma')).toBe('gbt50107-unknown_sigma-04332c26e80e9e');
    expect(strengthMethodVersion('non_statistical')).toBe('gbt50107-non_statistical-1e6321525e9a94');
  });
});
