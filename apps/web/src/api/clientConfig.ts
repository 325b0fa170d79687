import type { ClientConfigDto } from '@pourline/contracts';
import type { ApiClient } from './apiClient';

export type ClientConfig = ClientConfigDto;

export function fetchClientConfig(api: ApiClient, signal?: AbortSignal): Promise<ClientConfig> {
  return api.get<ClientConfig>('/config', { signal });
}
