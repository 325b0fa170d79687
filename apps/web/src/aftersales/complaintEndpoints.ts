import type {
  AddCorrectiveActionRequest,
  ComplaintDto,
  ComplaintListQuery,
  ComplaintStepRequest,
  ComplaintSummaryDto,
  FollowUpRequest,
  RaiseComplaintRequest,
} from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

const id = encodeURIComponent;

export const listComplaints = (api: ApiClient, query: ComplaintListQuery, signal?: AbortSignal) =>
  api.get<ComplaintSummaryDto[]>('/complaints', { query: { ...query }, signal });

export const getComplaint = (api: ApiClient, complaintId: string, signal?: AbortSignal) =>
  api.get<ComplaintDto>(`/complaints/${id(complaintId)}`, { signal });

/** The form sends what a person typed; the API fills its defaults (kind, return of concrete). */
export const raiseComplaint = (api: ApiClient, request: Partial<RaiseComplaintRequest>) =>
  api.post<ComplaintDto>('/complaints', request);

export const stepComplaint = (api: ApiClient, complaintId: string, request: ComplaintStepRequest) =>
  api.post<ComplaintDto>(`/complaints/${id(complaintId)}/steps`, request);

export const addCorrectiveAction = (api: ApiClient, complaintId: string, request: AddCorrectiveActionRequest) =>
  api.post<ComplaintDto>(`/complaints/${id(complaintId)}/actions`, request);

export const completeCorrectiveAction = (api: ApiClient, complaintId: string, actionId: string, note: string) =>
  api.post<ComplaintDto>(`/complaints/${id(complaintId)}/actions/${id(actionId)}/done`, { note });

export const recordFollowUp = (api: ApiClient, complaintId: string, request: FollowUpRequest) =>
  api.post<ComplaintDto>(`/complaints/${id(complaintId)}/follow-up`, request);

export const uploadComplaintPhoto = (api: ApiClient, complaintId: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.post<ComplaintDto>(`/complaints/${id(complaintId)}/photos`, form);
};

export const complaintPhoto = (api: ApiClient, complaintId: string, photoId: string) =>
  api.blob(`/complaints/${id(complaintId)}/photos/${id(photoId)}`);
