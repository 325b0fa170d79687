import type {
  CreateSpecimenSetRequest,
  MixDto,
  OverrideQcRequest,
  QcTestDto,
  RecordQcTestRequest,
  RecordStrengthRequest,
  SamplingPlanDto,
  SpecimenSetDto,
  StrengthAcceptanceDto,
} from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

const id = encodeURIComponent;

export const listMixes = (api: ApiClient, signal?: AbortSignal) => api.get<MixDto[]>('/mixes', { signal });

/** Oldest first. */
export const listQcTests = (api: ApiClient, loadId: string, signal?: AbortSignal) =>
  api.get<QcTestDto[]>(`/loads/${id(loadId)}/qc-tests`, { signal });

export const recordQcTest = (api: ApiClient, loadId: string, request: RecordQcTestRequest) =>
  api.post<QcTestDto>(`/loads/${id(loadId)}/qc-tests`, request);

export const overrideQcTest = (api: ApiClient, testId: string, request: OverrideQcRequest) =>
  api.post<QcTestDto>(`/qc-tests/${id(testId)}/override`, request);

export const getSamplingPlan = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<SamplingPlanDto>(`/pours/${id(pourId)}/sampling`, { signal });

export const listSpecimenSets = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<SpecimenSetDto[]>(`/pours/${id(pourId)}/specimen-sets`, { signal });

export const createSpecimenSet = (api: ApiClient, pourId: string, request: CreateSpecimenSetRequest) =>
  api.post<SpecimenSetDto>(`/pours/${id(pourId)}/specimen-sets`, request);

export const recordStrength = (api: ApiClient, setId: string, request: RecordStrengthRequest) =>
  api.post<SpecimenSetDto>(`/specimen-sets/${id(setId)}/results`, request);

export const getStrengthAcceptance = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<StrengthAcceptanceDto>(`/pours/${id(pourId)}/strength`, { signal });
