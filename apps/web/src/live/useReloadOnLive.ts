import { useEffect, useRef } from 'react';

/** Fetches again, keeping what is on screen, whenever a live version moves on (not on the first render). */
export function useReloadOnLive(version: string, reload: () => void): void {
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
}
