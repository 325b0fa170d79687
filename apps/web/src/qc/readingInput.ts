/** What a number field holds: nothing yet, a number, or something that is not one. */
export type Reading = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/**
 * A reading as typed on a phone: a decimal comma, a full-width digit from a
 * Chinese keyboard, or stray spaces still mean the number the person sees.
 */
export function parseReading(text: string): Reading {
  const normalised = text
    .replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\uFF0C,]/g, '.')
    .replace(/[\uFF0D\u2212]/g, '-')
    .replace(/\s+/g, '');
  if (normalised === '') return { kind: 'empty' };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalised)) return { kind: 'invalid' };
  const value = Number(normalised);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

/** The number, or null when the field is empty or unreadable. */
export function readingValue(reading: Reading): number | null {
  return reading.kind === 'number' ? reading.value : null;
}
