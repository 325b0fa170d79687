import { useEffect, useRef } from 'react';

/** Calls reload when value changes after the first render (the first load is the resource's own). */
export function useReloadOnChange(value: unknown, reload: () => void): void {
  const previous = useRef(value);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    reload();
  }, [value, reload]);
}
