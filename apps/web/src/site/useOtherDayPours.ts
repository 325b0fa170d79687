import type { PourDto } from '@pourline/contracts';
import { useMemo } from 'react';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { listPoursOfDay } from '../pours/pourEndpoints';
import { otherDayPours } from './sitePourChoices';
import { withLiveStatus } from './useSitePours';

const NOTHING: Promise<PourDto[]> = Promise.resolve([]);

/**
 * The pours of other days on this person's projects, fetched only once the
 * person asks for them (`enabled`): the nearest, coming ones first, no drafts.
 */
export function useOtherDayPours(
  enabled: boolean,
  now: number,
): { pours: PourDto[] | undefined; resource: ApiResource<PourDto[]> } {
  const api = useApi();
  const resource = useApiResource(enabled ? 'site-pours:all' : 'site-pours:off', (signal) =>
    enabled ? listPoursOfDay(api, {}, signal) : NOTHING,
  );
  const liveStatuses = useLive((state) => state.pourStatuses);
  // The list is recomputed when the minute changes, not on every tick.
  const minute = Math.floor(now / 60_000);
  const pours = useMemo(() => {
    if (!enabled || !resource.data) return undefined;
    const live = resource.data.map((pour) => withLiveStatus(pour, liveStatuses.get(pour.id)));
    return otherDayPours(live, new Date(minute * 60_000));
  }, [enabled, resource.data, liveStatuses, minute]);
  return { pours, resource };
}
