import { describe, expect, it } from '@jest/globals';
import { en } from './messages.en';
import { zhCN } from './messages.zh-CN';
import { createTranslator } from './translator';

describe(createTranslator.name, () => {
  const english = createTranslator('en');
  const chinese = createTranslator('zh-CN');

  it('picks the plural form by the language’s rules', () => {
    expect(english('qc.specimens.countOption', { count: 1 })).toBe('1 cube');
    expect(english('qc.specimens.countOption', { count: 3 })).toBe('3 cubes');
    expect(english('board.count', { count: 1, volume: '12.5' })).toBe('1 pour · 12.5 m³');
    expect(english('board.count', { count: 0, volume: '0' })).toBe('0 pours · 0 m³');
    expect(chinese('qc.specimens.countOption', { count: 1 })).toBe('1 块');
    expect(chinese('board.count', { count: 4, volume: '80' })).toBe('4 个浇筑 · 80 m³');
  });

  it('fills placeholders without escaping them, since React does', () => {
    expect(english('board.updatedAt', { time: '<b>&' })).toBe('Updated <b>&');
  });

  it('writes no plural as "(s)" and gives every English plural its other form in Chinese', () => {
    for (const text of Object.values(en)) expect(text).not.toContain('(s)');
    const plurals = Object.keys(en).filter((key) => key.endsWith('_one'));
    expect(plurals.length).toBeGreaterThan(5);
    for (const key of plurals) {
      const stem = key.slice(0, -'_one'.length);
      expect(Object.keys(en)).toContain(`${stem}_other`);
      expect(Object.keys(zhCN)).toContain(`${stem}_other`);
    }
  });
});
