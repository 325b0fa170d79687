import { useContext } from 'react';
import { ApiContext } from './ApiContext';
import type { ApiClient } from './apiClient';

/** The signed-in client: every call carries the session's token. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiContext> (after sign-in)');
  return api;
}
