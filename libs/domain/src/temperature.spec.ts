import { assertPlausibleTemperature, evaluateTemperature } from './temperature';

describe(evaluateTemperature.name, () => {
  it.each([
    [4.9, false],
    [5.0, true],
    [20, true],
    [35.0, true],
    [35.1, false],
  ])('judges %p °C against the default 5–35 °C as pass=%p', (measuredC, pass) => {
    expect(evaluateTemperature({ measuredC })).toEqual({ pass, minC: 5, maxC: 35 });
  });

  it('accepts 38 °C when the mix allows up to 40 °C', () => {
    expect(evaluateTemperature({ measuredC: 38, maxC: 40 })).toEqual({ pass: true, minC: 5, maxC: 40 });
  });

  it('rejects 8 °C when the mix needs at least 10 °C', () => {
    expect(evaluateTemperature({ measuredC: 8, minC: 10 }).pass).toBe(false);
  });

  it('uses the defaults when the mix limits are null', () => {
    expect(evaluateTemperature({ measuredC: 20, minC: null, maxC: null })).toMatchObject({ minC: 5, maxC: 35 });
  });

  it('refuses limits that cross', () => {
    expect(() => evaluateTemperature({ measuredC: 20, minC: 30, maxC: 10 })).toThrow(RangeError);
  });

  it('refuses an implausible reading rather than failing it', () => {
    expect(() => evaluateTemperature({ measuredC: 95 })).toThrow(RangeError);
  });
});

describe(assertPlausibleTemperature.name, () => {
  it.each([-30, 0, 80])('takes %p °C as a reading', (temperatureC) => {
    expect(() => assertPlausibleTemperature(temperatureC)).not.toThrow();
  });

  it.each([-30.1, 80.1, 95, NaN, Infinity])('refuses %p °C', (temperatureC) => {
    expect(() => assertPlausibleTemperature(temperatureC)).toThrow(RangeError);
  });
});
