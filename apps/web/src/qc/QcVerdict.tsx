import type { QcTestDto } from '@pourline/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';
import { QcReasonList } from './QcReasonList';

interface QcVerdictProps {
  test: QcTestDto;
  timeZone: string;
  /** What the inspector can do next: override, check test, next load. */
  children?: ReactNode;
}

/** The server's answer, which is the record: the outcome big, every failed check, and what happens now. */
export function QcVerdict({ test, timeZone, children }: QcVerdictProps) {
  const { t, locale, formatNumber } = useI18n();
  const outcome = test.override ? 'overridden' : test.outcome;
  // The record keeps the rules' outcome; what happens to the load is what the override decided.
  const headline = test.override
    ? t(test.stage === 'plant' ? 'qc.outcome.overriddenPlant' : 'qc.outcome.overriddenSite')
    : t(`qc.outcome.${test.outcome}`);
  const next = test.override
    ? t(test.stage === 'plant' ? 'qc.outcomeNext.released' : 'qc.outcomeNext.accepted')
    : t(`qc.outcomeNext.${test.outcome}`);
  return (
    <section
      className={`qc-verdict qc-verdict--${outcome}`}
      data-testid="qc-verdict"
      data-outcome={test.outcome}
      data-overridden={test.override ? 'true' : undefined}
      data-test-id={test.id}
      aria-live="polite"
    >
      <p className="qc-verdict-outcome">{headline}</p>
      <p className="qc-verdict-next">{next}</p>
      <QcReasonList reasons={test.reasons} testId="qc-reason" />
      {test.override && (
        <p className="qc-verdict-override" data-testid="qc-override-record">
          {t('qc.override.recorded', {
            name: test.override.byName,
            time: formatPlantClock(test.override.at, timeZone, locale),
            reason: test.override.reason,
          })}
        </p>
      )}
      <p className="qc-verdict-meta muted">
        {t('qc.verdict.meta', {
          slump: formatNumber(test.slumpMm, 0),
          time: formatPlantClock(test.testedAt, timeZone, locale),
          minutes: formatNumber(test.minutesSinceBatch, 0),
          name: test.inspectorName,
          rules: test.ruleSetVersion,
        })}
      </p>
      {children && <div className="action-row">{children}</div>}
    </section>
  );
}
