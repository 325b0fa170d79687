import type { ProjectDto } from '@pourline/contracts';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { getProject } from './siteEndpoints';

export function useProject(projectId: string): ApiResource<ProjectDto> {
  const api = useApi();
  return useApiResource(`project:${projectId}`, (signal) => getProject(api, projectId, signal));
}
