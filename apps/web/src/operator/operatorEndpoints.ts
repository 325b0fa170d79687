import type {
  LatestPositionDto,
  NonConformanceDto,
  Page,
  PourLoadsDto,
  ProjectDto,
  PumpDto,
  PumpStatusDto,
  QcTestDto,
  TruckDto,
} from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

const MAX_PAGE_SIZE = 200;
const id = encodeURIComponent;

export async function listProjects(api: ApiClient, signal?: AbortSignal): Promise<ProjectDto[]> {
  const projects: ProjectDto[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await api.get<Page<ProjectDto>>('/projects', { query: { page, pageSize: MAX_PAGE_SIZE }, signal });
    projects.push(...answer.items);
    if (answer.items.length === 0 || projects.length >= answer.total) return projects;
  }
}

export const listTrucks = (api: ApiClient, signal?: AbortSignal) => api.get<TruckDto[]>('/trucks', { signal });
export const listPumps = (api: ApiClient, signal?: AbortSignal) => api.get<PumpDto[]>('/pumps', { signal });
export const listPumpStatuses = (api: ApiClient, signal?: AbortSignal) =>
  api.get<PumpStatusDto[]>('/pumps-status', { signal });
export const listLatestPositions = (api: ApiClient, signal?: AbortSignal) =>
  api.get<LatestPositionDto[]>('/tracking/positions', { signal });

export const getPourLoads = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<PourLoadsDto>(`/pours/${id(pourId)}/loads`, { signal });
export const listNonConformances = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<NonConformanceDto[]>(`/pours/${id(pourId)}/non-conformances`, { signal });
export const listQcTests = (api: ApiClient, loadId: string, signal?: AbortSignal) =>
  api.get<QcTestDto[]>(`/loads/${id(loadId)}/qc-tests`, { signal });
