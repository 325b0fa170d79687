import { useEffect } from 'react';
import type { ApiClient } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { listOpenRequests, listPourRequests } from './requestEndpoints';

/**
 * Site requests into the live store from the API: the dispatch room's open
 * ones (pourId null), or one pour's for its site tablet; again after a reconnect.
 */
export function useRequestsSync(pourId: string | null, enabled = true): void {
  const api: ApiClient = useApi();
  const store = useLiveStore();
  const resyncVersion = useLive((state) => state.resyncVersion);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const load = pourId ? listPourRequests(api, pourId, controller.signal) : listOpenRequests(api, controller.signal);
    load.then(
      (requests) => store.receivePourRequests(requests),
      () => undefined,
    );
    return () => controller.abort();
  }, [api, store, pourId, enabled, resyncVersion]);
}
