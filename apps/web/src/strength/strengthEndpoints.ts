import type {
  CreateInspectionLotRequest,
  InspectionLotDto,
  MixTrendDto,
  Page,
  PourDto,
  ProductionControlDto,
  ProjectDto,
  StrengthWarningDto,
} from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

const MAX_PAGE_SIZE = 200;

export const listLots = (api: ApiClient, plantId: string, signal?: AbortSignal) =>
  api.get<InspectionLotDto[]>('/strength/lots', { query: { plantId }, signal });

export const createLot = (api: ApiClient, request: CreateInspectionLotRequest) =>
  api.post<InspectionLotDto>('/strength/lots', request);

export interface PeriodQuery {
  from?: string;
  to?: string;
}

export const getProductionControl = (api: ApiClient, plantId: string, period: PeriodQuery, signal?: AbortSignal) =>
  api.get<ProductionControlDto>('/strength/production-control', { query: { plantId, ...period }, signal });

/** Fetched through the API client, so a refusal shows as one, then handed to the browser as a file. */
export async function downloadProductionControlCsv(api: ApiClient, plantId: string, period: PeriodQuery) {
  const blob = await api.blob('/strength/production-control.csv', { query: { plantId, ...period } });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `production-control-${period.from ?? 'start'}-${period.to ?? 'today'}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export const listMixTrends = (api: ApiClient, plantId: string, signal?: AbortSignal) =>
  api.get<MixTrendDto[]>('/strength/trends', { query: { plantId }, signal });

export const listStrengthWarnings = (api: ApiClient, plantId: string, signal?: AbortSignal) =>
  api.get<StrengthWarningDto[]>('/strength/warnings', { query: { plantId }, signal });

export async function listProjectsOfPlant(api: ApiClient, plantId: string, signal?: AbortSignal) {
  const page = await api.get<Page<ProjectDto>>('/projects', { query: { pageSize: MAX_PAGE_SIZE }, signal });
  return page.items.filter((project) => project.plantId === plantId);
}

/** The project's pours, newest first (lots are defined as a project goes on). */
export async function listPoursOfProject(api: ApiClient, projectId: string, signal?: AbortSignal) {
  const page = await api.get<Page<PourDto>>('/pours', {
    query: { projectId, pageSize: MAX_PAGE_SIZE },
    signal,
  });
  return [...page.items].sort((a, b) => Date.parse(b.scheduledStart) - Date.parse(a.scheduledStart));
}
