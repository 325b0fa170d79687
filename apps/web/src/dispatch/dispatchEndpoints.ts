import type {
  AcceptProposalRequest,
  DispatchSettingsRequest,
  LoadDto,
  PlantTimelineDto,
  PourDispatchDto,
} from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

const id = encodeURIComponent;

export const getPourDispatch = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<PourDispatchDto>(`/pours/${id(pourId)}/dispatch`, { signal });

/** Refused with 409 `proposal_gone` when the plan moved on, 400 `override_needs_reason` for an edit without a reason. */
export const acceptProposal = (api: ApiClient, pourId: string, body: AcceptProposalRequest) =>
  api.post<LoadDto>(`/pours/${id(pourId)}/dispatch/accept`, body);

export const changeDispatchSettings = (api: ApiClient, pourId: string, body: DispatchSettingsRequest) =>
  api.patch<PourDispatchDto>(`/pours/${id(pourId)}/dispatch`, body);

export const getPlantTimeline = (api: ApiClient, plantId: string, signal?: AbortSignal) =>
  api.get<PlantTimelineDto>(`/plants/${id(plantId)}/timeline`, { signal });
