import type { ComplaintDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLiveVersion } from '../live/useLiveVersion';
import { useReloadOnLive } from '../live/useReloadOnLive';
import { getComplaint } from './complaintEndpoints';

export function useComplaint(complaintId: string): ApiResource<ComplaintDto> {
  const api = useApi();
  const resource = useApiResource(`complaint:${complaintId}`, (signal) => getComplaint(api, complaintId, signal));
  useReloadOnLive(useLiveVersion('complaintsVersion', complaintId), resource.reload);
  return resource;
}
