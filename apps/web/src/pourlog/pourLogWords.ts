import { type PourLogCode, type PourLogEntryDto, POUR_LOG_CODES } from '@pourline/contracts';
import type { I18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';

type Translate = I18n['t'];
type FormatNumber = I18n['formatNumber'];

export function codeKey(code: PourLogCode): MessageKey {
  return `pourLog.code.${code}`;
}

/** What an entry says, in the reader's language: a headline, and a line of detail when there is one. */
export function entryWords(
  entry: Pick<PourLogEntryDto, 'code' | 'params' | 'text'>,
  t: Translate,
  formatNumber: FormatNumber,
): { headline: string; detail: string | null } {
  const { params } = entry;
  const m3 = (value: number | undefined) => (value === undefined ? t('common.none') : formatNumber(value, 2));
  const headline = t(codeKey(entry.code), {
    text: entry.text,
    truck: params.truck ?? t('common.none'),
    ticket: params.ticket ?? t('common.none'),
    plant: params.plant ?? t('common.none'),
    m3: m3(params.lastLoadM3),
    from: m3(params.fromM3),
    to: m3(params.toM3),
    slump: params.slumpMm === undefined ? t('common.none') : formatNumber(params.slumpMm, 0),
  });
  const details = [
    ...(params.outcome ? [t(`qc.outcome.${params.outcome}`)] : []),
    ...(params.reasons ?? []).map((reason) => t(`qc.reason.${reason}`)),
    ...(params.changed?.length
      ? [t('pourLog.changed', { fields: params.changed.map((field) => t(`pourLog.changed.${field}`)).join(', ') })]
      : []),
    ...(params.note ? [`“${params.note}”`] : []),
  ];
  return { headline, detail: details.length > 0 ? details.join(' · ') : null };
}

/** A code's words with their blanks left out: "Truck {truck} stuck at the gate" reads "truck stuck at the gate". */
function fixedWords(code: PourLogCode, t: Translate): string {
  return t(codeKey(code))
    .replace(/\{\w+\}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The codes whose words, in the reader's language, contain the search. The
 * server knows codes, not words; sent with the search, they let "泵" find
 * "pump ready" for a reader of Chinese.
 */
export function matchingCodes(query: string, t: Translate): PourLogCode[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  return POUR_LOG_CODES.filter((code) => fixedWords(code, t).includes(needle));
}
