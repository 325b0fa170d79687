import { describe, expect, it } from '@jest/globals';
import { isOverridable } from './overridable';
import { aSiteTest } from './qcTestFactories';

const failed = { pass: false, reasons: [{ code: 'slump_out_of_tolerance' as const, message: 'slump' }] };

describe(isOverridable.name, () => {
  it('allows accepting a held plant test while the load is still held', () => {
    const test = aSiteTest({ ...failed, stage: 'plant', outcome: 'held' });
    expect(isOverridable(test, { status: 'held' }, true)).toBe(true);
    expect(isOverridable(test, { status: 'plant_qc' }, true)).toBe(false);
  });

  it('allows accepting a site test that asked for a check test', () => {
    const test = aSiteTest({ ...failed, outcome: 'retest_required' });
    expect(isOverridable(test, { status: 'on_site' }, true)).toBe(true);
  });

  it('never overrides a rejection, a pass, an overridden test or a superseded one', () => {
    expect(isOverridable(aSiteTest({ ...failed, outcome: 'rejected' }), { status: 'on_site' }, true)).toBe(false);
    expect(isOverridable(aSiteTest(), { status: 'on_site' }, true)).toBe(false);
    const overridden = aSiteTest({
      ...failed,
      outcome: 'retest_required',
      override: { reason: 'accepted after review', byName: 'Q', at: '2030-05-01T08:41:00.000Z' },
    });
    expect(isOverridable(overridden, { status: 'on_site' }, true)).toBe(false);
    expect(isOverridable(aSiteTest({ ...failed, outcome: 'retest_required' }), { status: 'on_site' }, false)).toBe(
      false,
    );
  });
});
