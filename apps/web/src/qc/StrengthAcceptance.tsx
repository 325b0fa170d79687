import type { StrengthAcceptanceDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';

/** GB/T 50107 on the pour's own 28-day results, by the method their number calls for; acceptance proper is per lot. */
export function StrengthAcceptance({ acceptance }: { acceptance: StrengthAcceptanceDto }) {
  const { t, formatNumber } = useI18n();
  const { evaluation } = acceptance;
  return (
    <div
      className={`qc-strength${evaluation ? (evaluation.pass ? ' qc-strength--pass' : ' qc-strength--fail') : ''}`}
      data-testid="qc-strength"
      data-pass={evaluation ? String(evaluation.pass) : undefined}
    >
      <h3>{t('qc.strength.title', { grade: acceptance.strengthGrade, count: acceptance.sets })}</h3>
      {evaluation ? (
        <>
          <p className="qc-strength-verdict">{evaluation.pass ? t('qc.strength.pass') : t('qc.strength.fail')}</p>
          <p data-testid="qc-strength-method">{t(`strength.method.${evaluation.method}`)}</p>
          <p>
            {t('qc.strength.numbers', {
              mean: formatNumber(evaluation.meanMpa),
              requiredMean: formatNumber(evaluation.requiredMeanMpa),
              min: formatNumber(evaluation.minMpa),
              requiredMin: formatNumber(evaluation.requiredMinMpa),
            })}
          </p>
        </>
      ) : null}
      <p className="muted">{acceptance.note}</p>
    </div>
  );
}
