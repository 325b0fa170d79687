import type { LoadDto, PlantQueueDto } from '@pourline/contracts';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { useReloadOnChange } from '../pours/useReloadOnChange';
import { getPlantQueue } from './plantEndpoints';
import { plantQueueSignature } from './plantQueueSignature';

/** A burst of steps at the plant costs one refetch a second, not one each. */
const MIN_RELOAD_INTERVAL_MS = 1000;

const isNewer = (live: LoadDto | undefined, fetched: LoadDto) =>
  live !== undefined && Date.parse(live.updatedAt) >= Date.parse(fetched.updatedAt);

/**
 * The plant's queue from the server (its order and target release times),
 * each load replaced by its live copy when that is newer, and fetched again
 * when a load of the plant appears or changes state, and after a reconnect.
 */
export function usePlantQueue(plantId: string): {
  queue: PlantQueueDto | undefined;
  resource: ApiResource<PlantQueueDto>;
} {
  const api = useApi();
  const store = useLiveStore();
  const resource = useApiResource(`plant-queue:${plantId}`, (signal) => getPlantQueue(api, plantId, signal));
  const liveLoads = useLive((state) => state.loads);
  const resyncVersion = useLive((state) => state.resyncVersion);
  useReloadOnChange(resyncVersion, resource.reload);

  const signature = useMemo(() => plantQueueSignature(liveLoads, plantId), [liveLoads, plantId]);
  const { reload } = resource;
  const timer = useRef<number | null>(null);
  const lastReload = useRef(0);
  const throttledReload = useCallback(() => {
    if (timer.current !== null) return;
    const wait = Math.max(0, lastReload.current + MIN_RELOAD_INTERVAL_MS - performance.now());
    timer.current = window.setTimeout(() => {
      timer.current = null;
      lastReload.current = performance.now();
      reload();
    }, wait);
  }, [reload]);
  useReloadOnChange(signature, throttledReload);
  useEffect(() => () => void (timer.current !== null && window.clearTimeout(timer.current)), []);

  // The queue's loads join the live store, so a step taken anywhere shows here at once.
  useEffect(() => {
    if (resource.data)
      store.receiveLoads([...resource.data.outbound, ...resource.data.returning].map((item) => item.load));
  }, [resource.data, store]);

  const queue = useMemo(() => {
    const fetched = resource.data;
    if (!fetched) return undefined;
    const fresh = <T extends { load: LoadDto }>(item: T): T => {
      const live = liveLoads.get(item.load.id);
      return isNewer(live, item.load) ? { ...item, load: live! } : item;
    };
    return { ...fetched, outbound: fetched.outbound.map(fresh), returning: fetched.returning.map(fresh) };
  }, [resource.data, liveLoads]);

  return { queue, resource };
}
