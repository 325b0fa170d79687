import { describe, expect, it } from '@jest/globals';
import type { PourLogEntryDto } from '@pourline/contracts';
import { createTranslator } from '../i18n/translator';
import { entryWords, matchingCodes } from './pourLogWords';

const en = createTranslator('en');
const zhCN = createTranslator('zh-CN');
const formatNumber = (value: number) => String(value);

const entry = (overrides: Partial<PourLogEntryDto>): PourLogEntryDto => ({
  id: 'e',
  kind: 'system',
  at: '2026-11-28T02:00:00.000Z',
  by: { name: 'Li', role: 'dispatcher' },
  code: 'pump_ready',
  params: {},
  text: '',
  proposal: null,
  ...overrides,
});

describe(entryWords.name, () => {
  it('says a quick message with its parameter in the reader’s language', () => {
    const stuck = entry({ kind: 'message', code: 'truck_stuck_at_gate', params: { truck: 'T05' } });
    expect(entryWords(stuck, en, formatNumber).headline).toBe('Truck T05 stuck at the gate');
    expect(entryWords(stuck, zhCN, formatNumber).headline).toBe('T05 号车堵在大门口');
    const finishing = entry({ kind: 'message', code: 'pour_finishing', params: { lastLoadM3: 6.5 } });
    expect(entryWords(finishing, en, formatNumber).headline).toBe('Pour finishing — last load 6.5 m³');
  });

  it('shows typed words as they were typed', () => {
    const typed = entry({ kind: 'message', code: 'text', text: 'East gate {closed}' });
    expect(entryWords(typed, zhCN, formatNumber)).toEqual({ headline: 'East gate {closed}', detail: null });
  });

  it('says a failed test with its outcome and every reason, and a request with the site’s note', () => {
    const failed = entry({
      code: 'qc.site.fail',
      params: {
        ticket: 'P1-001',
        truck: 'T05',
        slumpMm: 100,
        outcome: 'rejected',
        reasons: ['slump_out_of_tolerance'],
      },
    });
    expect(entryWords(failed, en, formatNumber)).toEqual({
      headline: 'Site test failed: P1-001 (T05), slump 100 mm',
      detail: 'Rejected · Slump out of tolerance',
    });
    const asked = entry({ code: 'request.hold', params: { note: 'rebar check' } });
    expect(entryWords(asked, zhCN, formatNumber)).toEqual({
      headline: '现场要求暂停发车',
      detail: '“rebar check”',
    });
  });

  it('says a load step without a truck with a dash, not a blank', () => {
    const step = entry({ code: 'load.loading', params: { ticket: 'P1-002', truck: null } });
    expect(entryWords(step, en, formatNumber).headline).toBe('— loading P1-002');
  });
});

describe(matchingCodes.name, () => {
  it('finds codes by the reader’s words, blanks left out', () => {
    expect(matchingCodes('泵', zhCN)).toEqual(expect.arrayContaining(['pump_ready', 'pump_blocked']));
    expect(matchingCodes('stuck at the', en)).toEqual(['truck_stuck_at_gate']);
    expect(matchingCodes('RAIN', en)).toEqual(['rain_protect_pour']);
  });

  it('finds nothing for nothing, and never the typed-text code', () => {
    expect(matchingCodes('  ', en)).toEqual([]);
    expect(matchingCodes('text', en)).not.toContain('text');
  });
});
