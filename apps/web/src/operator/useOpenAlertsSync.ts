import { useEffect } from 'react';
import { useApi } from '../api/useApi';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { listOpenAlerts } from './operatorEndpoints';

/**
 * Puts the open alerts the server keeps into the live store: on start, and
 * after every reconnect (its live.ready bumps resyncVersion). They merge with
 * the copies derived from live events by their event number.
 */
export function useOpenAlertsSync(enabled: boolean): void {
  const api = useApi();
  const store = useLiveStore();
  const resyncVersion = useLive((state) => state.resyncVersion);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    listOpenAlerts(api, controller.signal).then(
      (alerts) => store.receiveAlerts(alerts),
      () => undefined,
    );
    return () => controller.abort();
  }, [api, store, resyncVersion, enabled]);
}
