import { type ReactNode, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/ApiRequestError';
import { useApi } from '../api/useApi';
import { fetchCurrentUser } from '../auth/authEndpoints';
import { LiveConnection } from './LiveConnection';
import { LiveStore } from './LiveStore';
import { LiveStoreContext } from './LiveStoreContext';

/** One live connection and one store for the signed-in session; the socket is known by the session cookie. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [store] = useState(() => new LiveStore());

  useEffect(() => {
    const connection = new LiveConnection({
      store,
      // A 401 here ends the session through the API client; anything else means try again later.
      onAuthRejected: () =>
        fetchCurrentUser(api).then(
          () => true,
          (error: unknown) => !(error instanceof ApiRequestError && error.statusCode === 401),
        ),
    });
    connection.start();
    return () => connection.stop();
  }, [api, store]);

  useEffect(() => () => store.dispose(), [store]);

  return <LiveStoreContext value={store}>{children}</LiveStoreContext>;
}
