import type { ComplaintListQuery, ComplaintSummaryDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLiveVersion } from '../live/useLiveVersion';
import { useReloadOnLive } from '../live/useReloadOnLive';
import { listComplaints } from './complaintEndpoints';

/** A list of complaints, fetched again whenever one of them changes live. */
export function useComplaints(query: ComplaintListQuery): ApiResource<ComplaintSummaryDto[]> {
  const api = useApi();
  const resource = useApiResource(`complaints:${query.state ?? ''}:${query.pourId ?? ''}`, (signal) =>
    listComplaints(api, query, signal),
  );
  useReloadOnLive(useLiveVersion('complaintsVersion', 'all'), resource.reload);
  return resource;
}
