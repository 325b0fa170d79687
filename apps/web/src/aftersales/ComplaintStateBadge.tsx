import type { ComplaintState } from '@pourline/domain';
import { useI18n } from '../i18n/useI18n';

export function ComplaintStateBadge({ state }: { state: ComplaintState }) {
  const { t } = useI18n();
  return (
    <span className={`complaint-state complaint-state--${state}`} data-testid="complaint-state" data-state={state}>
      {t(`complaints.state.${state}`)}
    </span>
  );
}
