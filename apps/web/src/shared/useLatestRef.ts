import { type RefObject, useLayoutEffect, useRef } from 'react';

/**
 * A ref that holds the value of the last render, for handlers that Leaflet,
 * timers or a fetch call later: they see the current callback without the
 * effect that registered them running again. Written after the render
 * commits, never during it.
 */
export function useLatestRef<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
