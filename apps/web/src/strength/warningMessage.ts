import type { StrengthWarningDto } from '@pourline/contracts';
import type { I18n } from '../i18n/I18nContext';

type Words = Pick<I18n, 't' | 'formatNumber'>;

/** A warning in the reader's language, built from its figures rather than the server's English summary. */
export function warningMessage(warning: StrengthWarningDto, { t, formatNumber }: Words): string {
  const mpa = (value: number | null) => (value === null ? t('common.none') : formatNumber(value, 2));
  switch (warning.kind) {
    case 'lot_forecast': {
      const details = warning.details;
      return t('strength.warning.lot_forecast', {
        lot: details.lotName,
        project: details.projectName,
        grade: warning.strengthGrade,
        mean: mpa(details.projectedMeanMpa),
        requiredMean: mpa(details.requiredMeanMpa),
        min: mpa(details.projectedMinMpa),
        requiredMin: mpa(details.requiredMinMpa),
        predicted: details.predictedSets,
        ratio: formatNumber(details.ratio, 3),
        pairs: details.pairs,
      });
    }
    case 'mix_drift': {
      const details = warning.details;
      return t('strength.warning.mix_drift', {
        mix: warning.mixCode,
        grade: warning.strengthGrade,
        target: mpa(details.targetMpa),
        cusum: mpa(details.cusumMpa),
        h: mpa(details.decisionIntervalMpa),
        sets: details.runSets,
        from: details.fromLabel,
        to: details.toLabel,
      });
    }
    case 'production_control': {
      const details = warning.details;
      return t('strength.warning.production_control', {
        grade: warning.strengthGrade,
        month: details.month,
        sigma: mpa(details.sigmaMpa),
        limit: mpa(details.sigmaLimitMpa),
        share:
          details.shareAtLeastGradePercent === null ? t('common.none') : formatNumber(details.shareAtLeastGradePercent),
        sets: details.sets,
      });
    }
  }
}
