import type { Page, PourDto, ProjectDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';

/** The projects a person may raise a complaint on. */
export function useComplaintProjects(): ApiResource<Page<ProjectDto>> {
  const api = useApi();
  return useApiResource('complaint-projects', (signal) =>
    api.get<Page<ProjectDto>>('/projects', { query: { pageSize: 200 }, signal }),
  );
}

/** A project's pours, newest first, to say which one a complaint is about. */
export function useProjectPours(projectId: string): ApiResource<Page<PourDto>> {
  const api = useApi();
  return useApiResource(`project-pours:${projectId}`, (signal) =>
    projectId
      ? api.get<Page<PourDto>>('/pours', { query: { projectId, pageSize: 200 }, signal })
      : Promise.resolve({ items: [], total: 0, page: 1, pageSize: 200 }),
  );
}
