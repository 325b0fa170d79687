import type { PlantDto } from '@pourline/contracts';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { listPlants } from './siteEndpoints';

export function usePlants(): ApiResource<PlantDto[]> {
  const api = useApi();
  return useApiResource('plants', (signal) => listPlants(api, signal));
}
