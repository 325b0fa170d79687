import type { RecordedQcFailureReason } from '@pourline/domain';
import { useI18n } from '../i18n/useI18n';

/** Every failed check: what failed in the reader's language, then the numbers as the rules state them. */
export function QcReasonList({ reasons, testId }: { reasons: readonly RecordedQcFailureReason[]; testId: string }) {
  const { t } = useI18n();
  if (reasons.length === 0) return null;
  return (
    <ul className="qc-reasons">
      {reasons.map((reason) => (
        <li key={reason.code} data-testid={testId} data-code={reason.code}>
          <strong>{t(`qc.reason.${reason.code}`)}</strong>
          <span className="qc-reason-detail">{reason.message}</span>
        </li>
      ))}
    </ul>
  );
}
