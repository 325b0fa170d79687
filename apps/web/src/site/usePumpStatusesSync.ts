import { useEffect } from 'react';
import { useApi } from '../api/useApi';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { listPumpStatuses } from '../operator/operatorEndpoints';

/** Puts the pumps' current statuses into the live store, at start and after every reconnect. */
export function usePumpStatusesSync(): void {
  const api = useApi();
  const store = useLiveStore();
  const resyncVersion = useLive((state) => state.resyncVersion);
  useEffect(() => {
    const controller = new AbortController();
    listPumpStatuses(api, controller.signal).then(
      (statuses) => store.receivePumpStatuses(statuses),
      () => undefined,
    );
    return () => controller.abort();
  }, [api, store, resyncVersion]);
}
