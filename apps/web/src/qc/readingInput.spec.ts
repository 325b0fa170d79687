import { describe, expect, it } from '@jest/globals';
import { parseReading, readingValue } from './readingInput';

describe(parseReading.name, () => {
  it('reads a plain number', () => {
    expect(parseReading('180')).toEqual({ kind: 'number', value: 180 });
  });

  it('reads a decimal comma and a decimal point alike', () => {
    expect(parseReading('24,5')).toEqual({ kind: 'number', value: 24.5 });
    expect(parseReading('24.5')).toEqual({ kind: 'number', value: 24.5 });
  });

  it('reads full-width digits typed on a Chinese keyboard', () => {
    expect(parseReading('１８０')).toEqual({ kind: 'number', value: 180 });
    expect(parseReading('２４．５')).toEqual({ kind: 'number', value: 24.5 });
  });

  it('reads a negative temperature', () => {
    expect(parseReading('-3')).toEqual({ kind: 'number', value: -3 });
  });

  it('treats blank input as empty, not as zero', () => {
    expect(parseReading('')).toEqual({ kind: 'empty' });
    expect(parseReading('   ')).toEqual({ kind: 'empty' });
  });

  it('refuses text that is not one number', () => {
    expect(parseReading('18O')).toEqual({ kind: 'invalid' });
    expect(parseReading('1.2.3')).toEqual({ kind: 'invalid' });
    expect(parseReading('-')).toEqual({ kind: 'invalid' });
  });
});

describe(readingValue.name, () => {
  it('gives the number or null', () => {
    expect(readingValue({ kind: 'number', value: 0 })).toBe(0);
    expect(readingValue({ kind: 'empty' })).toBeNull();
    expect(readingValue({ kind: 'invalid' })).toBeNull();
  });
});
