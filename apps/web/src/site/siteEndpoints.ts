import type { LoadEventDto } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

export const listLoadEvents = (api: ApiClient, loadId: string, signal?: AbortSignal) =>
  api.get<LoadEventDto[]>(`/loads/${encodeURIComponent(loadId)}/events`, { signal });
