import { createContext } from 'react';
import type { SiteOutbox } from './useSiteOutbox';

export const SiteOutboxContext = createContext<SiteOutbox | null>(null);
