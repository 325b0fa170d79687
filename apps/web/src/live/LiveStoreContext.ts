import { createContext } from 'react';
import type { LiveStore } from './LiveStore';

export const LiveStoreContext = createContext<LiveStore | null>(null);
