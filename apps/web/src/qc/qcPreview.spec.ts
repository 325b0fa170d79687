import { describe, expect, it } from '@jest/globals';
import {
  agreedSlumpToleranceMm,
  expectedOutcome,
  plantRuleSet,
  previewQcTest,
  qcLimits,
  type QcPreviewInput,
} from './qcPreview';
import { aLoad, aMix, aPlant, aPour } from './qcTestFactories';

const GB = plantRuleSet(aPlant({ slumpStandard: 'gb_t_14902' }));
const ASTM = plantRuleSet(aPlant({ slumpStandard: 'astm_c94' }));

function input(overrides: Partial<QcPreviewInput> = {}): QcPreviewInput {
  return {
    stage: 'plant',
    checkTest: false,
    load: aLoad({ batchedAt: '2030-05-01T08:00:00.000Z' }),
    pour: aPour({ slumpTargetMm: 180, slumpToleranceMm: 20 }),
    mix: aMix(),
    rules: GB,
    readings: { slumpMm: 185, temperatureC: null, airPercent: null },
    testedAt: new Date('2030-05-01T08:10:00.000Z'),
    ...overrides,
  };
}

describe(agreedSlumpToleranceMm.name, () => {
  it('keeps the pour tolerance when it is tighter than the standard table', () => {
    expect(agreedSlumpToleranceMm(aPour({ slumpTargetMm: 180, slumpToleranceMm: 20 }), aMix(), GB)).toBe(20);
  });

  it('never lets the pour loosen the standard table', () => {
    expect(agreedSlumpToleranceMm(aPour({ slumpTargetMm: 180, slumpToleranceMm: 50 }), aMix(), GB)).toBe(30);
    expect(agreedSlumpToleranceMm(aPour({ slumpTargetMm: 180, slumpToleranceMm: 50 }), aMix(), ASTM)).toBe(40);
  });

  it("uses the mix's own tolerance instead of the table when it has one", () => {
    const mix = aMix({ slumpToleranceMm: 15 });
    expect(agreedSlumpToleranceMm(aPour({ slumpToleranceMm: 50 }), mix, GB)).toBe(15);
  });
});

describe(qcLimits.name, () => {
  it('gives the window for each field, with air only for an air-entrained mix', () => {
    const limits = qcLimits(aPour({ slumpTargetMm: 180, slumpToleranceMm: 20 }), aMix(), GB);
    expect(limits).toMatchObject({
      minSlumpMm: 160,
      maxSlumpMm: 200,
      minTemperatureC: 5,
      maxTemperatureC: 35,
      air: null,
    });
    const airy = qcLimits(aPour(), aMix({ airEntrained: true, targetAirPercent: 5 }), GB);
    expect(airy.air).toEqual({ targetPercent: 5, tolerancePercentagePoints: 1.5 });
  });

  it("takes the mix's temperature limits over the rule set's", () => {
    const limits = qcLimits(aPour(), aMix({ minTemperatureC: 10, maxTemperatureC: 30 }), GB);
    expect(limits).toMatchObject({ minTemperatureC: 10, maxTemperatureC: 30 });
  });
});

describe(previewQcTest.name, () => {
  it('waits for the slump before judging', () => {
    expect(previewQcTest(input({ readings: { slumpMm: null, temperatureC: 20, airPercent: null } }))).toEqual({
      status: 'incomplete',
    });
  });

  it('releases a plant load inside the tolerance', () => {
    expect(previewQcTest(input())).toEqual({ status: 'ready', pass: true, reasons: [], outcome: 'released' });
  });

  it('holds a plant load outside the agreed tolerance and says why', () => {
    const preview = previewQcTest(input({ readings: { slumpMm: 130, temperatureC: null, airPercent: null } }));
    expect(preview).toMatchObject({ status: 'ready', pass: false, outcome: 'held' });
    if (preview.status !== 'ready') throw new Error('expected a verdict');
    expect(preview.reasons.map((reason) => reason.code)).toEqual(['slump_out_of_tolerance']);
    expect(preview.reasons[0].message).toContain('180 ± 20 mm');
  });

  it('lists every failure at once: slump, heat and missing air', () => {
    const preview = previewQcTest(
      input({
        mix: aMix({ airEntrained: true, targetAirPercent: 5 }),
        readings: { slumpMm: 100, temperatureC: 38, airPercent: null },
      }),
    );
    if (preview.status !== 'ready') throw new Error('expected a verdict');
    expect(preview.reasons.map((reason) => reason.code)).toEqual([
      'slump_out_of_tolerance',
      'temperature_out_of_range',
      'air_content_missing',
    ]);
  });

  it('fails concrete tested past its discharge deadline', () => {
    const preview = previewQcTest(input({ testedAt: new Date('2030-05-01T09:45:00.000Z') }));
    expect(preview).toMatchObject({ status: 'ready', pass: false });
    if (preview.status !== 'ready') throw new Error('expected a verdict');
    expect(preview.reasons.map((reason) => reason.code)).toEqual(['past_discharge_deadline']);
  });

  it('rejects on site at once under the GB rule', () => {
    const preview = previewQcTest(
      input({ stage: 'site', readings: { slumpMm: 130, temperatureC: null, airPercent: null } }),
    );
    expect(preview).toMatchObject({ status: 'ready', outcome: 'rejected' });
  });

  it('asks for a check test on site under ASTM C94, and rejects when the check test fails too', () => {
    const readings = { slumpMm: 130, temperatureC: null, airPercent: null };
    expect(previewQcTest(input({ stage: 'site', rules: ASTM, readings }))).toMatchObject({
      outcome: 'retest_required',
    });
    expect(previewQcTest(input({ stage: 'site', rules: ASTM, readings, checkTest: true }))).toMatchObject({
      outcome: 'rejected',
    });
  });

  it('says a reading is implausible instead of judging it', () => {
    const preview = previewQcTest(input({ readings: { slumpMm: 180, temperatureC: 95, airPercent: null } }));
    expect(preview).toMatchObject({ status: 'implausible' });
  });
});

describe(expectedOutcome.name, () => {
  it('accepts a passing site test', () => {
    expect(expectedOutcome('site', false, { pass: true, reasons: [] }, ASTM)).toBe('accepted');
  });

  it('rejects a hot load at once even under ASTM: a second look does not cool it', () => {
    const reason = {
      code: 'temperature_out_of_range' as const,
      message: 'too hot',
      params: { measuredC: 38, minC: 5, maxC: 35 },
    };
    const hot = { pass: false, reasons: [reason] };
    expect(expectedOutcome('site', false, hot, ASTM)).toBe('rejected');
  });
});
