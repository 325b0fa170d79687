import type { AuditEntryDto } from '@pourline/contracts';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { listPourHistory } from './pourEndpoints';

export function usePourHistory(pourId: string): ApiResource<AuditEntryDto[]> {
  const api = useApi();
  return useApiResource(`history:${pourId}`, (signal) => listPourHistory(api, pourId, signal));
}
