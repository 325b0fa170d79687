import type { PourDocumentDto } from '@pourline/contracts';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { listPourDocuments } from './documentEndpoints';

export function usePourDocuments(pourId: string): ApiResource<PourDocumentDto[]> {
  const api = useApi();
  return useApiResource(`documents:${pourId}`, (signal) => listPourDocuments(api, pourId, signal));
}
