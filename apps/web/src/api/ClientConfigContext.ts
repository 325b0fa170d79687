import { createContext } from 'react';
import type { ClientConfig } from './clientConfig';

/** Null until /api/config answers; the console still works without it (no tiles, no demo hint). */
export const ClientConfigContext = createContext<ClientConfig | null>(null);
