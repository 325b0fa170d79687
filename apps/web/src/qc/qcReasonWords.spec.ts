import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RULE_SET_GB, evaluateQcTest, type RecordedQcFailureReason } from '@pourline/domain';
import { createTranslator } from '../i18n/translator';
import { describeQcReason, describeQcReasons } from './qcReasonWords';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');
const formatNumber = (value: number, digits = 1) =>
  new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(value);

const batchedAt = new Date('2026-05-04T08:00:00Z');
const failed = evaluateQcTest(
  {
    slumpKind: 'slump',
    designSlumpMm: 180,
    measuredSlumpMm: 230,
    temperatureC: 38,
    airEntrained: true,
    targetAirPercent: 5,
    batchedAt,
    testedAt: new Date(batchedAt.getTime() + 95 * 60_000),
    initialSettingMinutes: 600,
  },
  DEFAULT_RULE_SET_GB,
).reasons;

describe(describeQcReason.name, () => {
  it('words each failed check from its figures, in English and Chinese', () => {
    expect(failed.map((reason) => describeQcReason(reason, en, formatNumber))).toEqual([
      'slump 230 mm, outside 180 ± 30 mm',
      '38 °C, outside 5–35 °C',
      'air not measured; target 5 %',
      'concrete 95 min old, past its 90 min limit (maximum age)',
    ]);
    expect(failed.map((reason) => describeQcReason(reason, zh, formatNumber))).toEqual([
      '坍落度 230 mm，超出 180 ± 30 mm',
      '38 °C，超出 5–35 °C',
      '未测含气量；目标 5%',
      '混凝土已 95 分钟，超过 90 分钟时限（最长时间）',
    ]);
  });

  it('keeps the sentence of a record made before reasons carried their figures', () => {
    const stored: RecordedQcFailureReason = {
      code: 'slump_out_of_tolerance',
      message: 'slump 230 mm outside 180 ± 30 mm',
    };
    expect(describeQcReason(stored, zh, formatNumber)).toBe('slump 230 mm outside 180 ± 30 mm');
  });

  it('names each check before its figures when they are told in one line', () => {
    expect(describeQcReasons(failed.slice(0, 2), zh, formatNumber)).toBe(
      '坍落度超出允许偏差（坍落度 230 mm，超出 180 ± 30 mm）；温度超出范围（38 °C，超出 5–35 °C）',
    );
  });
});
