import type { PourDto } from '@pourline/contracts';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { getPour } from './pourEndpoints';

export function usePour(pourId: string): ApiResource<PourDto> {
  const api = useApi();
  return useApiResource(`pour:${pourId}`, (signal) => getPour(api, pourId, signal));
}
