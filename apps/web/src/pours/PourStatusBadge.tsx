import { useI18n } from '../i18n/useI18n';
import type { PourStatus } from './wireEnums';

interface PourStatusBadgeProps {
  status: PourStatus;
  testId?: string;
  large?: boolean;
}

export function PourStatusBadge({ status, testId, large = false }: PourStatusBadgeProps) {
  const { t } = useI18n();
  return (
    <span
      className={`status-badge status-badge--${status}${large ? ' status-badge--large' : ''}`}
      data-testid={testId}
      data-status={status}
    >
      {t(`status.${status}`)}
    </span>
  );
}
