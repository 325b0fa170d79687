import { sizeConversionFactor, specimenSetStrength } from './specimen-set-strength';

describe(specimenSetStrength.name, () => {
  it('takes the mean of three close results, to 0.1 MPa', () => {
    expect(specimenSetStrength([36.1, 35.2, 37.0])).toEqual({ valid: true, strengthMpa: 36.1, basis: 'mean' });
    expect(specimenSetStrength([35.0, 35.0, 35.1])).toEqual({ valid: true, strengthMpa: 35, basis: 'mean' });
  });

  it('takes the middle value when the lowest lies more than 15 % below it', () => {
    // (36 − 30) / 36 = 16.7 %; (36.5 − 36) / 36 = 1.4 %.
    expect(specimenSetStrength([30, 36, 36.5])).toEqual({ valid: true, strengthMpa: 36, basis: 'middle' });
  });

  it('takes the middle value when the highest lies more than 15 % above it', () => {
    // (42 − 36) / 36 = 16.7 %.
    expect(specimenSetStrength([35, 36, 42])).toEqual({ valid: true, strengthMpa: 36, basis: 'middle' });
  });

  it('keeps the mean at exactly 15 % off, on either side', () => {
    expect(specimenSetStrength([34, 40, 46])).toEqual({ valid: true, strengthMpa: 40, basis: 'mean' });
    expect(specimenSetStrength([85, 100, 115])).toEqual({ valid: true, strengthMpa: 100, basis: 'mean' });
  });

  it('takes the middle value just past 15 %: 84.9 against 100 is 15.1 % off', () => {
    expect(specimenSetStrength([84.9, 100, 101])).toEqual({ valid: true, strengthMpa: 100, basis: 'middle' });
  });

  it('voids a set whose highest and lowest both lie more than 15 % off', () => {
    expect(specimenSetStrength([25, 36, 45]).valid).toBe(false);
    expect(specimenSetStrength([84.9, 100, 115.1]).valid).toBe(false);
  });

  it('converts 100 mm cubes by 0.95 and 200 mm cubes by 1.05', () => {
    // 40.0 × 0.95 = 38.0; 40.0 × 1.05 = 42.0.
    expect(specimenSetStrength([39, 40, 41], { cubeSizeMm: 100, gradeMpa: 30 })).toMatchObject({ strengthMpa: 38 });
    expect(specimenSetStrength([39, 40, 41], { cubeSizeMm: 200, gradeMpa: 30 })).toMatchObject({ strengthMpa: 42 });
    expect(specimenSetStrength([39, 40, 41], { cubeSizeMm: 150, gradeMpa: 30 })).toMatchObject({ strengthMpa: 40 });
  });

  it('converts the middle value too when it stands for the set', () => {
    // middle 36.0 × 0.95 = 34.2.
    expect(specimenSetStrength([30, 36, 36.5], { cubeSizeMm: 100, gradeMpa: 30 })).toEqual({
      valid: true,
      strengthMpa: 34.2,
      basis: 'middle',
    });
  });

  it('refuses anything but three positive results', () => {
    expect(() => specimenSetStrength([30, 31])).toThrow(RangeError);
    expect(() => specimenSetStrength([30, -31, 30])).toThrow(RangeError);
  });
});

describe(sizeConversionFactor.name, () => {
  it.each([
    [100, 30, 0.95],
    [150, 30, 1],
    [200, 30, 1.05],
    [100, 55, 0.95],
    [150, 60, 1],
  ])('gives %p mm cubes of C%p the factor %p', (size, grade, factor) => {
    expect(sizeConversionFactor(size, grade)).toBe(factor);
  });

  it('has no fixed factor for non-standard cubes from C60: it must come from the producer’s tests', () => {
    expect(() => sizeConversionFactor(100, 60)).toThrow(/C60/);
    expect(() => sizeConversionFactor(200, 80)).toThrow(RangeError);
  });

  it('knows only 100, 150 and 200 mm cubes', () => {
    expect(() => sizeConversionFactor(70.7, 30)).toThrow(RangeError);
  });
});
