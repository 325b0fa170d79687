import { useContext } from 'react';
import { ClientConfigContext } from './ClientConfigContext';
import type { ClientConfig } from './clientConfig';

export function useClientConfig(): ClientConfig | null {
  return useContext(ClientConfigContext);
}
