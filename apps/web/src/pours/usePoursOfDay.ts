import type { PourDto } from '@pourline/contracts';
import { useEffect } from 'react';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { listPoursOfDay } from './pourEndpoints';
import type { PourBoardFilters } from './pourBoardFilters';

export const BOARD_REFRESH_MS = 30_000;

/** The day's pours, refreshed every 30 s while the page is visible and at once when it comes back. */
export function usePoursOfDay({ day, status }: PourBoardFilters): ApiResource<PourDto[]> {
  const api = useApi();
  const resource = useApiResource(`pours:${day}:${status}`, (signal) =>
    listPoursOfDay(api, { day, status: status || undefined }, signal),
  );
  const { reload } = resource;

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, BOARD_REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);

  return resource;
}
