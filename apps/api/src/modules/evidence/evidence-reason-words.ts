import type { QcOutcome } from '@pourline/contracts';
import type { RecordedQcFailureReason } from '@pourline/domain';
import type { EvidenceLanguage } from './evidence-labels';

const OUTCOMES: Record<EvidenceLanguage, Record<QcOutcome, string>> = {
  en: {
    released: 'released',
    held: 'held',
    accepted: 'accepted',
    retest_required: 'retest required',
    rejected: 'rejected',
  },
  'zh-CN': { released: '放行', held: '扣留', accepted: '验收', retest_required: '需复检', rejected: '拒收' },
};

/** A test's outcome in the reader's language. */
export function outcomeWords(outcome: QcOutcome, language: EvidenceLanguage): string {
  return OUTCOMES[language][outcome];
}

/** A test's readings in the reader's language: "slump 180/180 mm, 24 °C, air 4.5 %". */
export function readingWords(
  test: { slumpMm: number; designSlumpMm: number; temperatureC: number | null; airPercent: number | null },
  language: EvidenceLanguage,
): string {
  const zh = language === 'zh-CN';
  return [
    `${zh ? '坍落度' : 'slump'} ${test.slumpMm}/${test.designSlumpMm} mm`,
    test.temperatureC !== null ? `${test.temperatureC} °C` : null,
    test.airPercent !== null ? `${zh ? '含气量' : 'air'} ${test.airPercent} %` : null,
  ]
    .filter(Boolean)
    .join(zh ? '，' : ', ');
}

/**
 * The figures behind a failed check in the reader's language, as the console words them. A record
 * made before reasons carried their figures keeps the sentence it was stored with.
 */
export function reasonFigures(reason: RecordedQcFailureReason, language: EvidenceLanguage): string {
  const zh = language === 'zh-CN';
  switch (reason.code) {
    case 'slump_out_of_tolerance': {
      if (!reason.params) return reason.message;
      const { slumpKind, measuredMm, designMm, toleranceMm } = reason.params;
      const flow = slumpKind === 'slump_flow';
      return zh
        ? `${flow ? '扩展度' : '坍落度'} ${measuredMm} mm，超出 ${designMm} ± ${toleranceMm} mm`
        : `${flow ? 'slump flow' : 'slump'} ${measuredMm} mm, outside ${designMm} ± ${toleranceMm} mm`;
    }
    case 'temperature_out_of_range': {
      if (!reason.params) return reason.message;
      const { measuredC, minC, maxC } = reason.params;
      return zh ? `${measuredC} °C，超出 ${minC}–${maxC} °C` : `${measuredC} °C, outside ${minC}–${maxC} °C`;
    }
    case 'air_content_out_of_tolerance': {
      if (!reason.params) return reason.message;
      const { measuredPercent, targetPercent, tolerancePercentagePoints: tolerance } = reason.params;
      return zh
        ? `含气量 ${measuredPercent}%，超出 ${targetPercent} ± ${tolerance}%`
        : `air ${measuredPercent} %, outside ${targetPercent} ± ${tolerance} %`;
    }
    case 'air_content_missing':
      if (!reason.params) return reason.message;
      return zh
        ? `未测含气量；目标 ${reason.params.targetPercent}%`
        : `air not measured; target ${reason.params.targetPercent} %`;
    case 'past_discharge_deadline': {
      if (!reason.params) return reason.message;
      const { ageMinutes, limitMinutes, limitedBy } = reason.params;
      const age = Math.round(ageMinutes);
      const limit = Math.round(limitMinutes);
      if (zh)
        return `混凝土已 ${age} 分钟，超过 ${limit} 分钟时限（${limitedBy === 'max_age' ? '最长时间' : '初凝时间减安全余量'}）`;
      return `concrete ${age} min old, past its ${limit} min limit (${limitedBy === 'max_age' ? 'maximum age' : 'initial setting less margin'})`;
    }
  }
}
