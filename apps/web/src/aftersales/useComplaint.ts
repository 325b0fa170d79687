import type { ComplaintDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLiveVersion } from '../live/useLiveVersion';
import { getComplaint } from './complaintEndpoints';

export function useComplaint(complaintId: string): ApiResource<ComplaintDto> {
  const api = useApi();
  const version = useLiveVersion('complaintsVersion', complaintId);
  return useApiResource(`complaint:${complaintId}:${version}`, (signal) => getComplaint(api, complaintId, signal));
}
