import { specimenSetStrength } from './specimen-set-strength';

describe('specimenSetStrength', () => {
  it('takes the mean of three close results', () => {
    expect(specimenSetStrength([36.1, 35.2, 37.0])).toEqual({ valid: true, strengthMpa: 36.1 });
  });

  it('takes the middle value when one result lies more than 15 % off', () => {
    expect(specimenSetStrength([30, 36, 36.5])).toEqual({ valid: true, strengthMpa: 36 });
    expect(specimenSetStrength([35, 36, 42])).toEqual({ valid: true, strengthMpa: 36 });
  });

  it('keeps the mean at exactly 15 % off', () => {
    expect(specimenSetStrength([34, 40, 46])).toEqual({ valid: true, strengthMpa: 40 });
    expect(specimenSetStrength([85, 100, 115]).valid).toBe(true);
  });

  it('voids a set whose highest and lowest both lie more than 15 % off', () => {
    expect(specimenSetStrength([25, 36, 45]).valid).toBe(false);
  });

  it('refuses anything but three positive results', () => {
    expect(() => specimenSetStrength([30, 31])).toThrow(RangeError);
    expect(() => specimenSetStrength([30, -31, 30])).toThrow(RangeError);
  });
});
