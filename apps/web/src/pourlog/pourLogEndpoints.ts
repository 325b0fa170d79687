import type { PostPourMessageRequest, PourLogDto, PourMessageDto } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';
import type { LogSearch } from './mergeLogEntries';

/** The newest entries a log shows; the total says how many more there are. */
export const LOG_PAGE_SIZE = 200;

export function getPourLog(api: ApiClient, pourId: string, search: LogSearch, signal?: AbortSignal) {
  return api.get<PourLogDto>(`/pours/${encodeURIComponent(pourId)}/log`, {
    query: { q: search.q, codes: search.codes.join(','), pageSize: LOG_PAGE_SIZE },
    signal,
  });
}

export function postPourMessage(api: ApiClient, pourId: string, request: PostPourMessageRequest) {
  return api.post<PourMessageDto>(`/pours/${encodeURIComponent(pourId)}/messages`, request);
}

export function confirmPourMessage(api: ApiClient, messageId: string) {
  return api.post<PourMessageDto>(`/pour-messages/${encodeURIComponent(messageId)}/confirm`);
}
