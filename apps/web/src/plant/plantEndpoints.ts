import type { PlantDto, PlantQueueDto } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

export const getPlantQueue = (api: ApiClient, plantId: string, signal?: AbortSignal) =>
  api.get<PlantQueueDto>(`/plants/${encodeURIComponent(plantId)}/queue`, { signal });

export const listPlants = (api: ApiClient, signal?: AbortSignal) => api.get<PlantDto[]>('/plants', { signal });
