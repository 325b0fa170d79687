import type {
  CreatePourRequest,
  MixDto,
  Page,
  PourDto,
  ProjectDto,
  PumpDto,
  UpdatePourRequest,
} from '@pourline/contracts';
import type { ApiClient } from '../../api/apiClient';

const MAX_PAGE_SIZE = 200;

export async function listProjects(api: ApiClient, signal?: AbortSignal): Promise<ProjectDto[]> {
  const page = await api.get<Page<ProjectDto>>('/projects', { query: { pageSize: MAX_PAGE_SIZE }, signal });
  return [...page.items].sort((a, b) => a.name.localeCompare(b.name));
}

export function listPumps(api: ApiClient, signal?: AbortSignal): Promise<PumpDto[]> {
  return api.get<PumpDto[]>('/pumps', { signal });
}

export function listMixes(api: ApiClient, signal?: AbortSignal): Promise<MixDto[]> {
  return api.get<MixDto[]>('/mixes', { signal });
}

export function createPour(api: ApiClient, request: CreatePourRequest): Promise<PourDto> {
  return api.post<PourDto>('/pours', request);
}

export function updatePour(api: ApiClient, pourId: string, request: UpdatePourRequest): Promise<PourDto> {
  return api.patch<PourDto>(`/pours/${encodeURIComponent(pourId)}`, request);
}
