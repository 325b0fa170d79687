import type { RecordedQcFailureReason } from '@pourline/domain';
import type { TranslationValues } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';

type Translate = (key: MessageKey, values?: TranslationValues) => string;
type FormatNumber = (value: number, maximumFractionDigits?: number) => string;

/**
 * The figures behind a failed check in the reader's language ("slump 230 mm, outside 180 ± 30 mm").
 * A record made before reasons carried their figures keeps the sentence it was stored with.
 */
export function describeQcReason(reason: RecordedQcFailureReason, t: Translate, formatNumber: FormatNumber): string {
  const n = (value: number) => formatNumber(value, 1);
  switch (reason.code) {
    case 'slump_out_of_tolerance': {
      if (!reason.params) return reason.message;
      const { slumpKind, measuredMm, designMm, toleranceMm } = reason.params;
      return t(slumpKind === 'slump_flow' ? 'qc.reasonText.slumpFlow' : 'qc.reasonText.slump', {
        measured: n(measuredMm),
        design: n(designMm),
        tolerance: n(toleranceMm),
      });
    }
    case 'temperature_out_of_range': {
      if (!reason.params) return reason.message;
      const { measuredC, minC, maxC } = reason.params;
      return t('qc.reasonText.temperature', { measured: n(measuredC), min: n(minC), max: n(maxC) });
    }
    case 'air_content_out_of_tolerance': {
      if (!reason.params) return reason.message;
      const { measuredPercent, targetPercent, tolerancePercentagePoints } = reason.params;
      return t('qc.reasonText.air', {
        measured: n(measuredPercent),
        target: n(targetPercent),
        tolerance: n(tolerancePercentagePoints),
      });
    }
    case 'air_content_missing':
      if (!reason.params) return reason.message;
      return t('qc.reasonText.airMissing', { target: n(reason.params.targetPercent) });
    case 'past_discharge_deadline': {
      if (!reason.params) return reason.message;
      const { ageMinutes, limitMinutes, limitedBy } = reason.params;
      return t(limitedBy === 'max_age' ? 'qc.reasonText.ageMaxAge' : 'qc.reasonText.ageInitialSetting', {
        age: formatNumber(ageMinutes, 0),
        limit: formatNumber(limitMinutes, 0),
      });
    }
  }
}

/** Each failed check by its name, then its figures: "Slump out of tolerance (slump 230 mm, …)". */
export function describeQcReasons(
  reasons: readonly RecordedQcFailureReason[],
  t: Translate,
  formatNumber: FormatNumber,
): string {
  return reasons
    .map((reason) =>
      t('qc.reasonWithFigures', {
        reason: t(`qc.reason.${reason.code}`),
        figures: describeQcReason(reason, t, formatNumber),
      }),
    )
    .join(t('validation.issueSeparator'));
}
