import { describe, expect, it } from '@jest/globals';
import type { PourLogEntryDto } from '@pourline/contracts';
import type { TranslationValues } from '../i18n/I18nContext';
import { en, type MessageKey } from '../i18n/messages.en';
import { zhCN } from '../i18n/messages.zh-CN';
import { entryWords, matchingCodes } from './pourLogWords';

function translator(messages: Record<MessageKey, string>) {
  return (key: MessageKey, values?: TranslationValues) =>
    values
      ? messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole))
      : messages[key];
}
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
    expect(entryWords(stuck, translator(en), formatNumber).headline).toBe('Truck T05 stuck at the gate');
    expect(entryWords(stuck, translator(zhCN), formatNumber).headline).toBe('T05 号车堵在大门口');
    const finishing = entry({ kind: 'message', code: 'pour_finishing', params: { lastLoadM3: 6.5 } });
    expect(entryWords(finishing, translator(en), formatNumber).headline).toBe('Pour finishing — last load 6.5 m³');
  });

  it('shows typed words as they were typed', () => {
    const typed = entry({ kind: 'message', code: 'text', text: 'East gate {closed}' });
    expect(entryWords(typed, translator(zhCN), formatNumber)).toEqual({ headline: 'East gate {closed}', detail: null });
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
    expect(entryWords(failed, translator(en), formatNumber)).toEqual({
      headline: 'Site test failed: P1-001 (T05), slump 100 mm',
      detail: 'Rejected · Slump out of tolerance',
    });
    const asked = entry({ code: 'request.hold', params: { note: 'rebar check' } });
    expect(entryWords(asked, translator(zhCN), formatNumber)).toEqual({
      headline: '现场要求暂停发车',
      detail: '“rebar check”',
    });
  });

  it('says a load step without a truck with a dash, not a blank', () => {
    const step = entry({ code: 'load.loading', params: { ticket: 'P1-002', truck: null } });
    expect(entryWords(step, translator(en), formatNumber).headline).toBe('— loading P1-002');
  });
});

describe(matchingCodes.name, () => {
  it('finds codes by the reader’s words, blanks left out', () => {
    expect(matchingCodes('泵', translator(zhCN))).toEqual(expect.arrayContaining(['pump_ready', 'pump_blocked']));
    expect(matchingCodes('stuck at the', translator(en))).toEqual(['truck_stuck_at_gate']);
    expect(matchingCodes('RAIN', translator(en))).toEqual(['rain_protect_pour']);
  });

  it('finds nothing for nothing, and never the typed-text code', () => {
    expect(matchingCodes('  ', translator(en))).toEqual([]);
    expect(matchingCodes('text', translator(en))).not.toContain('text');
  });
});
