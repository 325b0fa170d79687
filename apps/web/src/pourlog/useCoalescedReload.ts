import { useEffect, useRef } from 'react';
import { useLatestRef } from '../shared/useLatestRef';

/**
 * Calls `reload` once `windowMs` after `signal` first changes, however often
 * it changes meanwhile: a burst of live events for one pour costs one fetch,
 * and a steady stream still gets one every window.
 */
export function useCoalescedReload(signal: string, reload: () => void, windowMs: number): void {
  const seen = useRef(signal);
  const timer = useRef<number | null>(null);
  const reloadRef = useLatestRef(reload);

  useEffect(() => {
    if (seen.current === signal) return;
    seen.current = signal;
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      reloadRef.current();
    }, windowMs);
  }, [signal, windowMs, reloadRef]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
}
