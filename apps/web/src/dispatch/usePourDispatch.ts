import type { PourDispatchDto } from '@pourline/contracts';
import { useEffect } from 'react';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { useCoalescedReload } from '../pourlog/useCoalescedReload';
import { getPourDispatch } from './dispatchEndpoints';

/** A burst of steps costs one refetch. */
const REFETCH_MS = 500;
/** The plan moves with the clock too: a proposal's time comes, a truck gets closer. */
const REFRESH_EVERY_MS = 30_000;

/** The pour's rhythm and proposals, fetched again when its loads, requests or decisions change, and every half minute. */
export function usePourDispatch(pourId: string): ApiResource<PourDispatchDto> {
  const api = useApi();
  const resource = useApiResource(`pour-dispatch:${pourId}`, (signal) => getPourDispatch(api, pourId, signal));
  const version = useLive((state) => state.dispatchVersion.get(pourId) ?? 0);
  const resyncVersion = useLive((state) => state.resyncVersion);
  useCoalescedReload(`${version}:${resyncVersion}`, resource.reload, REFETCH_MS);
  const { reload } = resource;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return resource;
}
