import { DEFAULT_RULE_SET_ASTM, DEFAULT_RULE_SET_GB, ruleSetFor, ruleSetVersion, type RuleSet } from './rule-set';

describe('default rule sets', () => {
  it('rejects at once under GB/T 14902', () => {
    expect(DEFAULT_RULE_SET_GB).toEqual({
      standard: 'gb_t_14902',
      checkTest: 'reject_immediately',
      minTemperatureC: 5,
      maxTemperatureC: 35,
      airTolerancePercentagePoints: 1.5,
      safetyMarginMinutes: 30,
      maxMinutesBatchToDischarge: 90,
    });
  });

  it('allows the C94 check test under ASTM and otherwise matches GB', () => {
    expect(DEFAULT_RULE_SET_ASTM).toEqual({
      ...DEFAULT_RULE_SET_GB,
      standard: 'astm_c94',
      checkTest: 'astm_c94_retest',
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_RULE_SET_GB)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RULE_SET_ASTM)).toBe(true);
  });
});

describe(ruleSetVersion.name, () => {
  it('is a short string', () => {
    expect(ruleSetVersion(DEFAULT_RULE_SET_GB)).toMatch(/^rs-[0-9a-f]{14}$/);
  });

  it('is the same for equal rule sets whatever the key order', () => {
    const reordered: RuleSet = {
      maxMinutesBatchToDischarge: 90,
      safetyMarginMinutes: 30,
      airTolerancePercentagePoints: 1.5,
      maxTemperatureC: 35,
      minTemperatureC: 5,
      checkTest: 'reject_immediately',
      standard: 'gb_t_14902',
    };
    expect(ruleSetVersion(reordered)).toBe(ruleSetVersion(DEFAULT_RULE_SET_GB));
  });

  it('stays the same from one release to the next', () => {
    // Recorded decisions refer to this value; changing the hash orphans them.
    expect(ruleSetVersion(DEFAULT_RULE_SET_GB)).toBe('rs-1e36df67afb71c');
  });

  it('differs between the GB and ASTM defaults', () => {
    expect(ruleSetVersion(DEFAULT_RULE_SET_GB)).not.toBe(ruleSetVersion(DEFAULT_RULE_SET_ASTM));
  });

  it('changes when a single limit changes', () => {
    const warmer = { ...DEFAULT_RULE_SET_GB, maxTemperatureC: 35.5 };
    expect(ruleSetVersion(warmer)).not.toBe(ruleSetVersion(DEFAULT_RULE_SET_GB));
  });
});

describe('ruleSetFor', () => {
  it('takes the defaults of the plant’s standard', () => {
    expect(ruleSetFor('gb_t_14902')).toEqual(DEFAULT_RULE_SET_GB);
    expect(ruleSetFor('astm_c94').checkTest).toBe('astm_c94_retest');
  });

  it('applies the plant’s own departures and keeps the standard', () => {
    const rules = ruleSetFor('gb_t_14902', { checkTest: 'astm_c94_retest', maxTemperatureC: 32 });
    expect(rules).toMatchObject({
      standard: 'gb_t_14902',
      checkTest: 'astm_c94_retest',
      maxTemperatureC: 32,
      minTemperatureC: 5,
    });
    expect(ruleSetVersion(rules)).not.toBe(ruleSetVersion(DEFAULT_RULE_SET_GB));
  });

  it('leaves out the plan rules stored beside it, so its version does not move with them', () => {
    const overrides = { siteToleranceMeters: 80, maxMinutesLoadingBeforeStart: 60 } as Record<string, unknown>;
    const rules = ruleSetFor('gb_t_14902', overrides);
    expect(rules).toEqual(DEFAULT_RULE_SET_GB);
    expect(ruleSetVersion(rules)).toBe(ruleSetVersion(DEFAULT_RULE_SET_GB));
  });
});
