import { DEFAULT_PLAN_RULES, planRulesFor } from './plan-rules';

describe('default plan rules', () => {
  it('allow 150 m around the site, 300 m around the plant, 30 + 30 min around a pump booking and 90 min early', () => {
    expect(DEFAULT_PLAN_RULES).toEqual({
      siteToleranceMeters: 150,
      routePlantToleranceMeters: 300,
      pumpSetUpMinutes: 30,
      pumpCleanDownMinutes: 30,
      maxMinutesLoadingBeforeStart: 90,
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_PLAN_RULES)).toBe(true);
  });
});

describe(planRulesFor.name, () => {
  it('takes the defaults when the plant departs from none', () => {
    expect(planRulesFor()).toEqual(DEFAULT_PLAN_RULES);
    expect(planRulesFor({})).toEqual(DEFAULT_PLAN_RULES);
  });

  it('applies the plant’s own departures, zero included', () => {
    expect(planRulesFor({ siteToleranceMeters: 0, pumpCleanDownMinutes: 45 })).toEqual({
      ...DEFAULT_PLAN_RULES,
      siteToleranceMeters: 0,
      pumpCleanDownMinutes: 45,
    });
  });

  it('ignores the QC settings kept beside them', () => {
    expect(planRulesFor({ checkTest: 'astm_c94_retest', maxTemperatureC: 32 })).toEqual(DEFAULT_PLAN_RULES);
  });

  it.each([
    ['a negative number', -5],
    ['text', '200'],
    ['not a number', Number.NaN],
    ['null', null],
  ])('keeps the default for %s', (_case, value) => {
    expect(planRulesFor({ siteToleranceMeters: value }).siteToleranceMeters).toBe(150);
  });
});
