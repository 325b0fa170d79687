import type { PourRequestDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';
import { AcknowledgeRequestButton } from './AcknowledgeRequestButton';

interface OpenRequestItemProps {
  request: PourRequestDto;
  overdue: boolean;
  timeZone: string;
  /** Where the request is from, when the list spans pours. */
  pourLabel?: string;
  canAcknowledge: boolean;
  onFocusPour?: (pourId: string) => void;
}

/** One site request waiting for the dispatch room; a hold flashes until someone copies it. */
export function OpenRequestItem(props: OpenRequestItemProps) {
  const { request, overdue, timeZone, pourLabel, canAcknowledge, onFocusPour } = props;
  const { t, locale } = useI18n();
  return (
    <li
      className={`request request--${request.kind}${overdue ? ' request--overdue' : ''}`}
      data-testid="open-request"
      data-request-id={request.id}
      data-pour-id={request.pourId}
      data-kind={request.kind}
      data-overdue={overdue ? 'true' : 'false'}
    >
      <div className="request-text">
        <strong className="request-kind">{t(`site.request.${request.kind}`)}</strong>
        {pourLabel &&
          (onFocusPour ? (
            <button type="button" className="link-button" onClick={() => onFocusPour(request.pourId)}>
              {pourLabel}
            </button>
          ) : (
            <span>{pourLabel}</span>
          ))}
        {request.note && <span className="request-note">“{request.note}”</span>}
        <span className="muted">
          {t('requests.askedBy', { name: request.byName, time: formatPlantClock(request.at, timeZone, locale) })}
        </span>
        {overdue && (
          <span className="request-overdue" data-testid="request-overdue">
            {t('requests.overdue')}
          </span>
        )}
      </div>
      {canAcknowledge && <AcknowledgeRequestButton request={request} />}
    </li>
  );
}
