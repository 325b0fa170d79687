import type { CurrentUser, LoginRequest, LoginResponse } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

export function login(api: ApiClient, request: LoginRequest): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/login', request);
}

export function fetchCurrentUser(api: ApiClient, signal?: AbortSignal): Promise<CurrentUser> {
  return api.get<CurrentUser>('/auth/me', { signal });
}
