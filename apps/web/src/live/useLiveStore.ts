import { useContext } from 'react';
import type { LiveStore } from './LiveStore';
import { LiveStoreContext } from './LiveStoreContext';

/** The store itself, for layers that subscribe outside React's render (the truck canvas). */
export function useLiveStore(): LiveStore {
  const store = useContext(LiveStoreContext);
  if (!store) throw new Error('useLiveStore must be used inside <LiveProvider>');
  return store;
}
