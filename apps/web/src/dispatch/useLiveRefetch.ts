import { useEffect } from 'react';
import type { ApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { useCoalescedReload } from '../pourlog/useCoalescedReload';

/** The plan moves with the clock too: a proposal's time comes, a truck gets closer. */
const REFRESH_EVERY_MS = 30_000;

/**
 * Fetches a plan view again when `signal` changes (coalesced over `windowMs`),
 * after a reconnect, and every half minute.
 */
export function useLiveRefetch<T>(resource: ApiResource<T>, signal: string, windowMs: number): ApiResource<T> {
  const resyncVersion = useLive((state) => state.resyncVersion);
  useCoalescedReload(`${signal}:${resyncVersion}`, resource.reload, windowMs);
  const { reload } = resource;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return resource;
}
