import { useEffect, useState } from 'react';
import { createApiClient } from './apiClient';
import { type ClientConfig, fetchClientConfig } from './clientConfig';

const RETRY_MS = 10_000;

/** Loads the public config once, retrying quietly while the server is unreachable. */
export function useLoadClientConfig(): ClientConfig | null {
  const [config, setConfig] = useState<ClientConfig | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let retry: number | undefined;
    const load = () => {
      fetchClientConfig(createApiClient({ signedIn: false }), controller.signal).then(setConfig, () => {
        if (!controller.signal.aborted) retry = window.setTimeout(load, RETRY_MS);
      });
    };
    load();
    return () => {
      controller.abort();
      window.clearTimeout(retry);
    };
  }, []);

  return config;
}
