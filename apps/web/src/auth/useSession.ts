import type { CurrentUser, LoginRequest } from '@pourline/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiRequestError, isAbortError } from '../api/ApiRequestError';
import { type ApiClient, createApiClient } from '../api/apiClient';
import { endSession as endServerSession, fetchCurrentUser, startSession } from './authEndpoints';
import { readCsrfToken } from './csrfToken';

export type Session =
  | { status: 'checking' }
  /** A session cookie is held but the API could not be asked about it; it is kept for a retry. */
  | { status: 'unreachable' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; user: CurrentUser };

export interface SessionControls {
  session: Session;
  /** The client for signed-in calls; a 401 from any of them ends the session. */
  api: ApiClient;
  signIn: (request: LoginRequest) => Promise<void>;
  signOut: () => void;
  /** Ask the API about the session again (after 'unreachable'). */
  retry: () => void;
}

/**
 * The console's session lives in an httpOnly cookie script cannot read; its
 * readable CSRF cookie, set beside it, says whether there is one to check.
 */
export function useSession(): SessionControls {
  const [session, setSession] = useState<Session>(() =>
    readCsrfToken() ? { status: 'checking' } : { status: 'signed-out', expired: false },
  );

  const endSession = useCallback((expired: boolean) => {
    // The cookies go whether or not the server is reached; an unreachable one clears them next time.
    void endServerSession(createApiClient({ signedIn: false })).catch(() => undefined);
    setSession({ status: 'signed-out', expired });
  }, []);

  const signedIn = session.status === 'signed-in';
  const api = useMemo(
    () => createApiClient({ signedIn, onUnauthorized: () => endSession(true) }),
    [signedIn, endSession],
  );

  // A session cookie is only trusted once the API recognises it.
  useEffect(() => {
    if (session.status !== 'checking') return;
    const controller = new AbortController();
    fetchCurrentUser(createApiClient({ signedIn: true }), controller.signal).then(
      (user) => setSession({ status: 'signed-in', user }),
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
    const { user } = await startSession(createApiClient({ signedIn: false }), request);
    setSession({ status: 'signed-in', user });
  }, []);

  const signOut = useCallback(() => endSession(false), [endSession]);
  const retry = useCallback(() => setSession({ status: 'checking' }), []);

  return { session, api, signIn, signOut, retry };
}
