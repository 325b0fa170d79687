import { describe, expect, it } from '@jest/globals';
import { linearScale, niceTicks } from './chartScale';

describe(linearScale.name, () => {
  it('maps the domain onto the range, flipped when the range is', () => {
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(75);
  });

  it('widens a flat domain instead of dividing by zero', () => {
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });
});

describe(niceTicks.name, () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 4.2)).toEqual([0, 2, 4]);
    expect(niceTicks(26, 41)).toEqual([30, 35, 40]);
    expect(niceTicks(0, 1)).toEqual([0, 0.5, 1]);
  });
});
