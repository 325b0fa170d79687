import { useSyncExternalStore } from 'react';
import type { LiveState } from './liveState';
import { useLiveStore } from './useLiveStore';

/**
 * A slice of the live state. The component re-renders only when what the
 * selector returns changes by reference, so select a slice or one entry,
 * never a freshly built object.
 */
export function useLive<T>(selector: (state: LiveState) => T): T {
  const store = useLiveStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
