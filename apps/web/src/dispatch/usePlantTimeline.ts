import type { PlantTimelineDto } from '@pourline/contracts';
import { useEffect, useMemo } from 'react';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { useCoalescedReload } from '../pourlog/useCoalescedReload';
import { getPlantTimeline } from './dispatchEndpoints';

const REFETCH_MS = 1_000;
const REFRESH_EVERY_MS = 30_000;

/** A plant's loading timeline, fetched again when any of its loads or plans change, and every half minute. */
export function usePlantTimeline(plantId: string): ApiResource<PlantTimelineDto> {
  const api = useApi();
  const resource = useApiResource(`plant-timeline:${plantId}`, (signal) => getPlantTimeline(api, plantId, signal));
  const versions = useLive((state) => state.dispatchVersion);
  const signature = useMemo(() => [...versions.values()].reduce((sum, value) => sum + value, 0), [versions]);
  const resyncVersion = useLive((state) => state.resyncVersion);
  useCoalescedReload(`${signature}:${resyncVersion}`, resource.reload, REFETCH_MS);
  const { reload } = resource;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return resource;
}
