import type { PourRequestDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { useLiveStore } from '../live/useLiveStore';
import { DispatchError } from '../operator/DispatchError';
import { useDispatchAction } from '../operator/useDispatchAction';
import { acknowledgeRequest } from './requestEndpoints';

/** The dispatch room's "copy": one press, and the site sees who heard it. */
export function AcknowledgeRequestButton({ request }: { request: PourRequestDto }) {
  const { t } = useI18n();
  const api = useApi();
  const store = useLiveStore();
  const action = useDispatchAction();
  return (
    <>
      <button
        type="button"
        className="button button--small button--primary"
        data-testid="request-acknowledge"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () =>
            store.receivePourRequests([await acknowledgeRequest(api, request.id, { note: '' })]),
          )
        }
      >
        {t('requests.copy')}
      </button>
      <DispatchError message={action.error} />
    </>
  );
}
