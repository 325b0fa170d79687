import './connection.css';
import { useI18n } from '../i18n/useI18n';
import { useLive } from './useLive';

export function ConnectionIndicator() {
  const { t } = useI18n();
  const state = useLive((live) => live.connection);
  return (
    <span
      className={`connection-state connection-state--${state}`}
      data-testid="connection-state"
      data-state={state}
      role="status"
      title={t(`live.connection.${state}.hint`)}
    >
      <span className="connection-dot" aria-hidden="true" />
      {t(`live.connection.${state}`)}
    </span>
  );
}
