import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from './ApiRequestError';
import { useLatestRef } from '../shared/useLatestRef';

export interface ApiResource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** When the data last arrived. */
  loadedAt: Date | undefined;
  /** Fetch again, keeping what is on screen until the answer arrives. */
  reload: () => void;
  /** Replace the data with a fresher copy the server just returned (e.g. after a write). */
  setData: (data: T) => void;
}

interface State<T> {
  key: string;
  data?: T;
  error?: unknown;
  loading: boolean;
  loadedAt?: Date;
}

/**
 * One GET kept on screen. `key` names what is loaded: when it changes the old
 * data is dropped (another day, another pour) and the in-flight call aborted.
 */
export function useApiResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): ApiResource<T> {
  const [state, setState] = useState<State<T>>({ key, loading: true });
  const [revision, setRevision] = useState(0);
  const loadRef = useLatestRef(load);

  const current: State<T> = state.key === key ? state : { key, loading: true };
  if (state.key !== key) setState(current);

  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => setState({ key, data, loading: false, loadedAt: new Date() }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState((previous) => ({ ...previous, key, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key, revision, loadRef]);

  // Marked here rather than in the effect, so the effect only fetches.
  const reload = useCallback(() => {
    setState((previous) => ({ ...previous, loading: true }));
    setRevision((value) => value + 1);
  }, []);
  const setData = useCallback(
    (data: T) => setState((previous) => ({ ...previous, data, error: undefined, loadedAt: new Date() })),
    [],
  );

  return {
    data: current.data,
    error: current.error,
    loading: current.loading,
    loadedAt: current.loadedAt,
    reload,
    setData,
  };
}
