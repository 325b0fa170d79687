import { checkTestOutcome, isRetestable } from './check-test';
import type { QcEvaluation } from './qc-evaluation';
import { DEFAULT_RULE_SET_ASTM, DEFAULT_RULE_SET_GB } from './rule-set';

const slumpFail: QcEvaluation = {
  pass: false,
  reasons: [
    {
      code: 'slump_out_of_tolerance',
      message: 'slump 120 mm outside 160 ± 30 mm',
      params: { slumpKind: 'slump', measuredMm: 120, designMm: 160, toleranceMm: 30 },
    },
  ],
};
const hotFail: QcEvaluation = {
  pass: false,
  reasons: [
    {
      code: 'temperature_out_of_range',
      message: 'temperature 36 °C outside 5–35 °C',
      params: { measuredC: 36, minC: 5, maxC: 35 },
    },
  ],
};
const slumpAndAgeFail: QcEvaluation = {
  pass: false,
  reasons: [
    ...slumpFail.reasons,
    {
      code: 'past_discharge_deadline',
      message: 'concrete 95 min old',
      params: { ageMinutes: 95, limitMinutes: 90, limitedBy: 'max_age' },
    },
  ],
};
const passed: QcEvaluation = { pass: true, reasons: [] };

describe(checkTestOutcome.name, () => {
  it('accepts a load that passes the first test under either rule', () => {
    expect(checkTestOutcome(DEFAULT_RULE_SET_GB, true)).toBe('accept');
    expect(checkTestOutcome(DEFAULT_RULE_SET_ASTM, passed)).toBe('accept');
  });

  it('rejects a first failure at once under the GB default', () => {
    expect(checkTestOutcome(DEFAULT_RULE_SET_GB, false)).toBe('reject');
    expect(checkTestOutcome(DEFAULT_RULE_SET_GB, slumpFail)).toBe('reject');
  });

  it('asks for a check test after a first slump failure under ASTM C94', () => {
    expect(checkTestOutcome(DEFAULT_RULE_SET_ASTM, false)).toBe('retest_required');
    expect(checkTestOutcome(DEFAULT_RULE_SET_ASTM, slumpFail)).toBe('retest_required');
  });

  it('accepts a load whose check test passes under ASTM C94', () => {
    expect(checkTestOutcome(DEFAULT_RULE_SET_ASTM, false, true)).toBe('accept');
    expect(checkTestOutcome(DEFAULT_RULE_SET_ASTM, slumpFail, passed)).toBe('accept');
  });

  it('rejects a load only on the second failure under ASTM C94', () => {
    expect(checkTestOutcome(DEFAULT_RULE_SET_ASTM, false, false)).toBe('reject');
    expect(checkTestOutcome(DEFAULT_RULE_SET_ASTM, slumpFail, slumpFail)).toBe('reject');
  });

  it('rejects at once under ASTM C94 when the failure is one no check test can cure', () => {
    expect(checkTestOutcome(DEFAULT_RULE_SET_ASTM, hotFail)).toBe('reject');
    expect(checkTestOutcome(DEFAULT_RULE_SET_ASTM, slumpAndAgeFail)).toBe('reject');
  });

  it('ignores a retest result under the GB default', () => {
    expect(checkTestOutcome(DEFAULT_RULE_SET_GB, false, true)).toBe('reject');
  });
});

describe(isRetestable.name, () => {
  it('allows a check test for slump and air only', () => {
    expect(isRetestable(slumpFail.reasons)).toBe(true);
    expect(isRetestable([{ code: 'air_content_out_of_tolerance', message: '' }])).toBe(true);
    expect(isRetestable([{ code: 'air_content_missing', message: '' }])).toBe(true);
    expect(isRetestable(hotFail.reasons)).toBe(false);
    expect(isRetestable(slumpAndAgeFail.reasons)).toBe(false);
  });

  it('has nothing to retest without a failure', () => {
    expect(isRetestable([])).toBe(false);
  });
});
