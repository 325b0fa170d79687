import type { CurrentUser, LoginRequest, SessionResponse } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

/** Signs in: the API answers with the user and sets the session cookies. */
export function startSession(api: ApiClient, request: LoginRequest): Promise<SessionResponse> {
  return api.post<SessionResponse>('/auth/session', request);
}

/** Signs out: the API clears the session cookies. */
export function endSession(api: ApiClient): Promise<void> {
  return api.delete<void>('/auth/session');
}

export function fetchCurrentUser(api: ApiClient, signal?: AbortSignal): Promise<CurrentUser> {
  return api.get<CurrentUser>('/auth/me', { signal });
}
