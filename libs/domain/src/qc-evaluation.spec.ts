import { evaluateQcTest, type QcTestInput } from './qc-evaluation';
import { DEFAULT_RULE_SET_ASTM, DEFAULT_RULE_SET_GB } from './rule-set';

const batchedAt = new Date('2024-06-01T08:00:00Z');
const minutesAfterBatch = (minutes: number) => new Date(batchedAt.getTime() + minutes * 60_000);

const goodTest: QcTestInput = {
  slumpKind: 'slump',
  designSlumpMm: 160,
  measuredSlumpMm: 150,
  temperatureC: 22,
  airEntrained: false,
  batchedAt,
  testedAt: minutesAfterBatch(40),
  initialSettingMinutes: 240,
};

const codes = (input: Partial<QcTestInput>, rules = DEFAULT_RULE_SET_GB) =>
  evaluateQcTest({ ...goodTest, ...input }, rules).reasons.map((reason) => reason.code);

describe(evaluateQcTest.name, () => {
  it('refuses a slump the cone cannot show, and a spread off the flow board, instead of failing the load', () => {
    expect(() => evaluateQcTest({ ...goodTest, measuredSlumpMm: 5000 }, DEFAULT_RULE_SET_GB)).toThrow(
      'slump 5000 mm cannot be read on the cone: slump is between 0 and 300 mm',
    );
    expect(() => evaluateQcTest({ ...goodTest, measuredSlumpMm: 301 }, DEFAULT_RULE_SET_GB)).toThrow(RangeError);
    expect(evaluateQcTest({ ...goodTest, measuredSlumpMm: 300 }, DEFAULT_RULE_SET_GB).pass).toBe(false);
    const flow = { ...goodTest, slumpKind: 'slump_flow' as const, designSlumpMm: 650 };
    expect(evaluateQcTest({ ...flow, measuredSlumpMm: 650 }, DEFAULT_RULE_SET_GB).pass).toBe(true);
    expect(() => evaluateQcTest({ ...flow, measuredSlumpMm: 150 }, DEFAULT_RULE_SET_GB)).toThrow(RangeError);
    expect(() => evaluateQcTest({ ...flow, measuredSlumpMm: 950 }, DEFAULT_RULE_SET_GB)).toThrow(RangeError);
  });

  it('passes a load that meets every rule', () => {
    expect(evaluateQcTest(goodTest, DEFAULT_RULE_SET_GB)).toEqual({ pass: true, reasons: [] });
  });

  it('fails 120 mm against a 160 mm design and says so with the numbers', () => {
    expect(evaluateQcTest({ ...goodTest, measuredSlumpMm: 120 }, DEFAULT_RULE_SET_GB)).toEqual({
      pass: false,
      reasons: [
        {
          code: 'slump_out_of_tolerance',
          message: 'slump 120 mm outside 160 ± 30 mm',
          params: { slumpKind: 'slump', measuredMm: 120, designMm: 160, toleranceMm: 30 },
        },
      ],
    });
  });

  it('judges the same 125 mm slump by the plant standard: fail under GB, pass under ASTM', () => {
    expect(codes({ measuredSlumpMm: 125 }, DEFAULT_RULE_SET_GB)).toEqual(['slump_out_of_tolerance']);
    expect(codes({ measuredSlumpMm: 125 }, DEFAULT_RULE_SET_ASTM)).toEqual([]);
  });

  it('honours the pour tolerance over the table', () => {
    expect(codes({ measuredSlumpMm: 140, slumpToleranceOverrideMm: 15 })).toEqual(['slump_out_of_tolerance']);
  });

  it('names slump flow as such', () => {
    const result = evaluateQcTest(
      { ...goodTest, slumpKind: 'slump_flow', designSlumpMm: 650, measuredSlumpMm: 600 },
      DEFAULT_RULE_SET_GB,
    );
    expect(result.reasons[0].message).toBe('slump flow 600 mm outside 650 ± 30 mm');
  });

  it('fails 35.1 °C and passes 35.0 °C', () => {
    expect(codes({ temperatureC: 35 })).toEqual([]);
    expect(evaluateQcTest({ ...goodTest, temperatureC: 35.1 }, DEFAULT_RULE_SET_GB).reasons).toEqual([
      {
        code: 'temperature_out_of_range',
        message: 'temperature 35.1 °C outside 5–35 °C',
        params: { measuredC: 35.1, minC: 5, maxC: 35 },
      },
    ]);
  });

  it('lets the mix temperature limits win over the rule set', () => {
    expect(codes({ temperatureC: 38, mixMaxTemperatureC: 40 })).toEqual([]);
    expect(codes({ temperatureC: 8, mixMinTemperatureC: 10 })).toEqual(['temperature_out_of_range']);
  });

  it('uses the rule set temperature limits when the mix has none', () => {
    expect(codes({ temperatureC: 33 }, { ...DEFAULT_RULE_SET_GB, maxTemperatureC: 32 })).toEqual([
      'temperature_out_of_range',
    ]);
  });

  it('does not check temperature when none was measured', () => {
    expect(codes({ temperatureC: null })).toEqual([]);
    expect(codes({ temperatureC: undefined })).toEqual([]);
  });

  it('ignores air on a mix without entrained air', () => {
    expect(codes({ airPercent: 9, targetAirPercent: 5 })).toEqual([]);
  });

  it('fails an air-entrained mix whose air was not measured', () => {
    expect(
      evaluateQcTest({ ...goodTest, airEntrained: true, targetAirPercent: 5 }, DEFAULT_RULE_SET_GB).reasons,
    ).toEqual([
      {
        code: 'air_content_missing',
        message: 'air content not measured on an air-entrained mix (target 5 %)',
        params: { targetPercent: 5 },
      },
    ]);
  });

  it('fails air content 1.6 points over target and passes it 1.5 points over', () => {
    const airMix = { airEntrained: true, targetAirPercent: 5 };
    expect(codes({ ...airMix, airPercent: 6.5 })).toEqual([]);
    expect(evaluateQcTest({ ...goodTest, ...airMix, airPercent: 6.6 }, DEFAULT_RULE_SET_GB).reasons).toEqual([
      {
        code: 'air_content_out_of_tolerance',
        message: 'air content 6.6 % outside 5 ± 1.5 %',
        params: { measuredPercent: 6.6, targetPercent: 5, tolerancePercentagePoints: 1.5 },
      },
    ]);
  });

  it('uses the rule set air tolerance', () => {
    const tight = { ...DEFAULT_RULE_SET_GB, airTolerancePercentagePoints: 1 };
    expect(codes({ airEntrained: true, targetAirPercent: 5, airPercent: 6.2 }, tight)).toEqual([
      'air_content_out_of_tolerance',
    ]);
  });

  it('refuses an air-entrained mix without a target', () => {
    expect(() => evaluateQcTest({ ...goodTest, airEntrained: true, airPercent: 5 }, DEFAULT_RULE_SET_GB)).toThrow(
      RangeError,
    );
  });

  it('passes a load tested exactly 90 minutes after batching', () => {
    expect(codes({ testedAt: minutesAfterBatch(90) })).toEqual([]);
  });

  it('fails a load tested 91 minutes after batching', () => {
    expect(evaluateQcTest({ ...goodTest, testedAt: minutesAfterBatch(91) }, DEFAULT_RULE_SET_GB).reasons).toEqual([
      {
        code: 'past_discharge_deadline',
        message: 'concrete 91 min old, past its 90 min discharge limit (maximum age)',
        params: { ageMinutes: 91, limitMinutes: 90, limitedBy: 'max_age' },
      },
    ]);
  });

  it('fails a load past initial setting less the margin although younger than 90 minutes', () => {
    const result = evaluateQcTest(
      { ...goodTest, initialSettingMinutes: 100, testedAt: minutesAfterBatch(75) },
      DEFAULT_RULE_SET_GB,
    );
    expect(result.reasons).toEqual([
      {
        code: 'past_discharge_deadline',
        message: 'concrete 75 min old, past its 70 min discharge limit (initial setting less safety margin)',
        params: { ageMinutes: 75, limitMinutes: 70, limitedBy: 'initial_setting' },
      },
    ]);
  });

  it('lets the mix maximum age win over the rule set', () => {
    expect(codes({ testedAt: minutesAfterBatch(61), mixMaxMinutesBatchToDischarge: 60 })).toEqual([
      'past_discharge_deadline',
    ]);
  });

  it('reports every failure at once, in a stable order', () => {
    expect(
      codes({
        measuredSlumpMm: 100,
        temperatureC: 36,
        airEntrained: true,
        targetAirPercent: 5,
        testedAt: minutesAfterBatch(100),
      }),
    ).toEqual(['slump_out_of_tolerance', 'temperature_out_of_range', 'air_content_missing', 'past_discharge_deadline']);
  });

  it('refuses an implausible temperature rather than failing the load', () => {
    expect(() => evaluateQcTest({ ...goodTest, temperatureC: 120 }, DEFAULT_RULE_SET_GB)).toThrow(RangeError);
  });

  it('refuses an invalid test time', () => {
    expect(() => evaluateQcTest({ ...goodTest, testedAt: new Date('x') }, DEFAULT_RULE_SET_GB)).toThrow(RangeError);
  });
});
