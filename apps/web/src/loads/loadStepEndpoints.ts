import { type BatchedRequest, LOAD_STEP_ROUTE, type LoadDto } from '@pourline/contracts';
import type { LoadStep } from '@pourline/domain';
import type { ApiClient } from '../api/apiClient';

/** What a step sends: a reason for dispose and cancel, the batch ticket for "batched", nothing else otherwise. */
export type LoadStepBody = { reason: string } | BatchedRequest | Record<string, never>;

export function takeLoadStep(api: ApiClient, loadId: string, step: LoadStep, body: LoadStepBody = {}) {
  return api.post<LoadDto>(`/loads/${encodeURIComponent(loadId)}/${LOAD_STEP_ROUTE[step]}`, body);
}
