import type { CurrentUser, LoginRequest } from '@pourline/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiRequestError, isAbortError } from '../api/ApiRequestError';
import { type ApiClient, createApiClient } from '../api/apiClient';
import { fetchCurrentUser, login } from './authEndpoints';
import { tokenStorage } from './tokenStorage';

export type Session =
  | { status: 'checking' }
  /** A token is stored but the API could not be asked about it; it is kept for a retry. */
  | { status: 'unreachable' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; token: string; user: CurrentUser };

export interface SessionControls {
  session: Session;
  /** The client for signed-in calls; a 401 from any of them ends the session. */
  api: ApiClient;
  signIn: (request: LoginRequest) => Promise<void>;
  signOut: () => void;
  /** Ask the API about the stored token again (after 'unreachable'). */
  retry: () => void;
}

export function useSession(): SessionControls {
  const [session, setSession] = useState<Session>(() =>
    tokenStorage.read() ? { status: 'checking' } : { status: 'signed-out', expired: false },
  );

  const endSession = useCallback((expired: boolean) => {
    tokenStorage.clear();
    setSession({ status: 'signed-out', expired });
  }, []);

  const token = session.status === 'signed-in' ? session.token : null;
  const api = useMemo(() => createApiClient({ token, onUnauthorized: () => endSession(true) }), [token, endSession]);

  // A stored token is only trusted once the API recognises it.
  useEffect(() => {
    if (session.status !== 'checking') return;
    const stored = tokenStorage.read();
    if (!stored) {
      setSession({ status: 'signed-out', expired: false });
      return;
    }
    const controller = new AbortController();
    fetchCurrentUser(createApiClient({ token: stored }), controller.signal).then(
      (user) => setSession({ status: 'signed-in', token: stored, user }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        // Only the API saying no ends the session; a dead network on site must not sign people out.
        if (error instanceof ApiRequestError && error.statusCode === 401) endSession(true);
        else setSession({ status: 'unreachable' });
      },
    );
    return () => controller.abort();
  }, [session.status, endSession]);

  const signIn = useCallback(async (request: LoginRequest) => {
    const anonymous = createApiClient({ token: null });
    const { accessToken } = await login(anonymous, request);
    const user = await fetchCurrentUser(createApiClient({ token: accessToken }));
    tokenStorage.write(accessToken);
    setSession({ status: 'signed-in', token: accessToken, user });
  }, []);

  const signOut = useCallback(() => endSession(false), [endSession]);
  const retry = useCallback(() => setSession({ status: 'checking' }), []);

  return { session, api, signIn, signOut, retry };
}
