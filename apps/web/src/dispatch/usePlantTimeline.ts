import type { PlantTimelineDto } from '@pourline/contracts';
import { useMemo } from 'react';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { getPlantTimeline } from './dispatchEndpoints';
import { useLiveRefetch } from './useLiveRefetch';

const REFETCH_MS = 1_000;

/** A plant's loading timeline, fetched again when any pour's loads or plan change. */
export function usePlantTimeline(plantId: string): ApiResource<PlantTimelineDto> {
  const api = useApi();
  const resource = useApiResource(`plant-timeline:${plantId}`, (signal) => getPlantTimeline(api, plantId, signal));
  const versions = useLive((state) => state.dispatchVersion);
  const signature = useMemo(() => [...versions.values()].reduce((sum, value) => sum + value, 0), [versions]);
  return useLiveRefetch(resource, String(signature), REFETCH_MS);
}
