import { meanOf, roundToHundredth, roundToTenth, sampleStandardDeviation } from './strength-statistics';

describe(sampleStandardDeviation.name, () => {
  it('divides by n − 1: 30, 32, 34, 36, 38 MPa give √(40 / 4) = 3.162', () => {
    expect(sampleStandardDeviation([30, 32, 34, 36, 38])).toBeCloseTo(3.1623, 4);
  });

  it('agrees with √((Σf² − n·m²) / (n − 1)) as the standards write it', () => {
    const values = [27.2, 29.5, 30.9, 32.1, 32.7, 33.6, 34.3, 35.0, 35.8, 36.7, 37.5, 37.9];
    const mean = meanOf(values);
    const textbook = Math.sqrt((values.reduce((sum, f) => sum + f * f, 0) - values.length * mean ** 2) / 11);
    expect(sampleStandardDeviation(values)).toBeCloseTo(textbook, 9);
  });

  it('needs two values', () => {
    expect(() => sampleStandardDeviation([30])).toThrow(RangeError);
  });
});

describe('rounding (GB/T 8170)', () => {
  it('states means to 0.1 and deviations to 0.01 MPa, a half going to the even digit', () => {
    expect(roundToTenth(34.46)).toBe(34.5);
    expect(roundToTenth(34.44)).toBe(34.4);
    expect(roundToTenth(34.45)).toBe(34.4);
    expect(roundToTenth(34.55)).toBe(34.6);
    expect(roundToTenth(34.451)).toBe(34.5);
    expect(roundToHundredth(2.985)).toBe(2.98);
    expect(roundToHundredth(2.975)).toBe(2.98);
    expect(meanOf([1, 2])).toBe(1.5);
  });

  it('is not misled by binary tails: 203.7 / 6 is 33.95 and goes to 34.0', () => {
    expect(203.7 / 6).toBeLessThan(33.95);
    expect(roundToTenth(203.7 / 6)).toBe(34);
  });
});
