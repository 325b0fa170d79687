import { describe, expect, it } from '@jest/globals';
import { outcomeWords, reasonFigures, readingWords } from './evidence-reason-words';

describe('the evidence PDF words a test in the reader’s language', () => {
  const slump = {
    code: 'slump_out_of_tolerance' as const,
    message: 'slump 230 mm outside 180 ± 30 mm',
    params: { slumpKind: 'slump' as const, measuredMm: 230, designMm: 180, toleranceMm: 30 },
  };

  it('gives a failed check’s figures in Chinese and English', () => {
    expect(reasonFigures(slump, 'zh-CN')).toBe('坍落度 230 mm，超出 180 ± 30 mm');
    expect(reasonFigures(slump, 'en')).toBe('slump 230 mm, outside 180 ± 30 mm');
    const age = {
      code: 'past_discharge_deadline' as const,
      message: 'too old',
      params: { ageMinutes: 95.4, limitMinutes: 90, limitedBy: 'max_age' as const },
    };
    expect(reasonFigures(age, 'zh-CN')).toBe('混凝土已 95 分钟，超过 90 分钟时限（最长时间）');
  });

  it('keeps the stored sentence of a record made before reasons carried figures', () => {
    expect(reasonFigures({ code: 'slump_out_of_tolerance', message: 'old words' }, 'zh-CN')).toBe('old words');
  });

  it('names readings and outcomes in Chinese', () => {
    const test = { slumpMm: 230, designSlumpMm: 180, temperatureC: 24, airPercent: 4.5 };
    expect(readingWords(test, 'zh-CN')).toBe('坍落度 230/180 mm，24 °C，含气量 4.5 %');
    expect(readingWords({ ...test, airPercent: null }, 'en')).toBe('slump 230/180 mm, 24 °C');
    expect(outcomeWords('rejected', 'zh-CN')).toBe('拒收');
    expect(outcomeWords('retest_required', 'en')).toBe('retest required');
  });
});
