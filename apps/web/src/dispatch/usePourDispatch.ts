import type { PourDispatchDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { getPourDispatch } from './dispatchEndpoints';
import { useLiveRefetch } from './useLiveRefetch';

/** A burst of steps costs one refetch. */
const REFETCH_MS = 500;

/** The pour's rhythm and proposals, fetched again when its loads, requests or decisions change. */
export function usePourDispatch(pourId: string): ApiResource<PourDispatchDto> {
  const api = useApi();
  const resource = useApiResource(`pour-dispatch:${pourId}`, (signal) => getPourDispatch(api, pourId, signal));
  const version = useLive((state) => state.dispatchVersion.get(pourId) ?? 0);
  return useLiveRefetch(resource, String(version), REFETCH_MS);
}
