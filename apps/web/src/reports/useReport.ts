import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import type { ApiClient } from '../api/apiClient';
import type { ReportRange } from './reportEndpoints';

/** One report over a range, fetched again when the range (or `extra`, e.g. the grouping) changes. */
export function useReport<T>(
  name: string,
  range: ReportRange,
  load: (api: ApiClient, signal: AbortSignal) => Promise<T>,
  extra = '',
): ApiResource<T> {
  const api = useApi();
  return useApiResource(`${name}:${range.from}:${range.to}:${range.plantId}:${extra}`, (signal) => load(api, signal));
}
