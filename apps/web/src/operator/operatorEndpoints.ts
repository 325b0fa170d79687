import type {
  AcknowledgeAlertRequest,
  AlertDto,
  AssignTruckRequest,
  CreateLoadRequest,
  DispatchHoldRequest,
  DivertLoadRequest,
  LatestPositionDto,
  LoadDto,
  NonConformanceDto,
  Page,
  PourDto,
  PourLoadsDto,
  ProjectDto,
  PumpDto,
  PumpStatusDto,
  QcTestDto,
  StartLoadingRequest,
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

// Dispatch actions. Each answers the changed entity; refusals arrive as ApiRequestError with the API's words.

/** The API may refuse with 409 `pour_on_hold` while the pour's dispatch is held. */
export const createLoad = (api: ApiClient, pourId: string, body: CreateLoadRequest) =>
  api.post<LoadDto>(`/pours/${id(pourId)}/loads`, body);
/** The API may refuse with 409 `early_start_unconfirmed`: send again with `confirm.earlyStart`, a reason. */
export const startLoading = (api: ApiClient, loadId: string, body: StartLoadingRequest = {}) =>
  api.post<LoadDto>(`/loads/${id(loadId)}/start-loading`, body);
export const divertLoad = (api: ApiClient, loadId: string, body: DivertLoadRequest) =>
  api.post<LoadDto>(`/loads/${id(loadId)}/divert`, body);
export const holdDispatch = (api: ApiClient, pourId: string, body: DispatchHoldRequest) =>
  api.post<PourDto>(`/pours/${id(pourId)}/dispatch-hold`, body);
export const resumeDispatch = (api: ApiClient, pourId: string) =>
  api.post<PourDto>(`/pours/${id(pourId)}/dispatch-resume`, {});

export const assignTruck = (api: ApiClient, loadId: string, body: AssignTruckRequest) =>
  api.patch<LoadDto>(`/loads/${id(loadId)}/truck`, body);

export const listOpenAlerts = (api: ApiClient, signal?: AbortSignal) =>
  api.get<AlertDto[]>('/alerts', { query: { open: true }, signal });
export const acknowledgeAlert = (api: ApiClient, seq: number, body: AcknowledgeAlertRequest) =>
  api.post<AlertDto>(`/alerts/${seq}/acknowledge`, body);
