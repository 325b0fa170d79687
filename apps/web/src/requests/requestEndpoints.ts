import type { AcknowledgePourRequest, PourRequestDto } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

const id = encodeURIComponent;

export const listOpenRequests = (api: ApiClient, signal?: AbortSignal) =>
  api.get<PourRequestDto[]>('/pour-requests', { signal });

export const listPourRequests = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<PourRequestDto[]>(`/pours/${id(pourId)}/requests`, { signal });

export const acknowledgeRequest = (api: ApiClient, requestId: string, body: AcknowledgePourRequest) =>
  api.post<PourRequestDto>(`/pour-requests/${id(requestId)}/acknowledge`, body);
