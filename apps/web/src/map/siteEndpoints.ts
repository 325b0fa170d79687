import type { PlantDto, ProjectDto } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

export function listPlants(api: ApiClient, signal?: AbortSignal): Promise<PlantDto[]> {
  return api.get<PlantDto[]>('/plants', { signal });
}

export function getProject(api: ApiClient, projectId: string, signal?: AbortSignal): Promise<ProjectDto> {
  return api.get<ProjectDto>(`/projects/${encodeURIComponent(projectId)}`, { signal });
}
