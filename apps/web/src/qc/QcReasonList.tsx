import type { RecordedQcFailureReason } from '@pourline/domain';
import { useI18n } from '../i18n/useI18n';
import { describeQcReason } from './qcReasonWords';

/** Every failed check: what failed, then its figures, both in the reader's language. */
export function QcReasonList({ reasons, testId }: { reasons: readonly RecordedQcFailureReason[]; testId: string }) {
  const { t, formatNumber } = useI18n();
  if (reasons.length === 0) return null;
  return (
    <ul className="qc-reasons">
      {reasons.map((reason) => (
        <li key={reason.code} data-testid={testId} data-code={reason.code}>
          <strong>{t(`qc.reason.${reason.code}`)}</strong>
          <span className="qc-reason-detail">{describeQcReason(reason, t, formatNumber)}</span>
        </li>
      ))}
    </ul>
  );
}
