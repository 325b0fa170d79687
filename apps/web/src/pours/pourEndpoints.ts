import type { AuditEntryDto, ChangePourStatusRequest, Page, PourDto, PourListQuery } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

const MAX_PAGE_SIZE = 200;

/** Every pour of a day, across pages, in the order they start. */
export async function listPoursOfDay(
  api: ApiClient,
  query: Pick<PourListQuery, 'day' | 'status'>,
  signal?: AbortSignal,
): Promise<PourDto[]> {
  const pours: PourDto[] = [];
  for (let page = 1; ; page += 1) {
    const request: PourListQuery = { ...query, page, pageSize: MAX_PAGE_SIZE };
    const answer = await api.get<Page<PourDto>>('/pours', { query: request, signal });
    pours.push(...answer.items);
    if (answer.items.length === 0 || pours.length >= answer.total) break;
  }
  return pours.sort((a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart));
}

export function getPour(api: ApiClient, pourId: string, signal?: AbortSignal): Promise<PourDto> {
  return api.get<PourDto>(`/pours/${encodeURIComponent(pourId)}`, { signal });
}

export function changePourStatus(api: ApiClient, pourId: string, request: ChangePourStatusRequest): Promise<PourDto> {
  return api.post<PourDto>(`/pours/${encodeURIComponent(pourId)}/status`, request);
}

export async function listPourHistory(api: ApiClient, pourId: string, signal?: AbortSignal): Promise<AuditEntryDto[]> {
  const answer = await api.get<Page<AuditEntryDto>>(`/pours/${encodeURIComponent(pourId)}/history`, {
    query: { page: 1, pageSize: MAX_PAGE_SIZE },
    signal,
  });
  return [...answer.items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
