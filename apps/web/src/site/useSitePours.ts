import type { PourDto, PourStatusPayload } from '@pourline/contracts';
import { useMemo } from 'react';
import type { ApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { boardOrder } from '../operator/pourProgress';
import { usePlantToday } from '../time/usePlantToday';
import { usePoursOfDay } from '../pours/usePoursOfDay';
import { useReloadOnChange } from '../pours/useReloadOnChange';
import { isPourStatus } from '../pours/wireEnums';
import { followable } from './sitePourChoices';

/** A pour with what was pushed live since it was fetched: status, hold and planned volume. */
export function withLiveStatus(pour: PourDto, live: PourStatusPayload | undefined): PourDto {
  const status = live && isPourStatus(live.status) ? live.status : pour.status;
  // A hold or resume pushed live carries its reason; older pushes without it keep what was fetched.
  const dispatchHold = live?.dispatchHold !== undefined ? live.dispatchHold : pour.dispatchHold;
  const volumeM3 = live?.volumeM3 ?? pour.volumeM3;
  const changed = status !== pour.status || dispatchHold !== pour.dispatchHold || volumeM3 !== pour.volumeM3;
  return changed ? { ...pour, status, dispatchHold, volumeM3 } : pour;
}

/**
 * Today's pours (on the plants' calendar) of the projects this person is
 * assigned to (the API answers with no others), active first, with statuses
 * and planned volumes pushed live over the fetched ones. Drafts are left out
 * for the site, which has nothing to follow in them yet; the customer, who
 * agrees their plans, asks for them with `withDrafts`.
 */
export function useSitePours({ withDrafts = false }: { withDrafts?: boolean } = {}): {
  pours: PourDto[] | undefined;
  resource: ApiResource<PourDto[]>;
} {
  const day = usePlantToday();
  const filters = useMemo(() => ({ day, status: '' as const }), [day]);
  const resource = usePoursOfDay(filters);
  const liveStatuses = useLive((state) => state.pourStatuses);
  const resyncVersion = useLive((state) => state.resyncVersion);
  useReloadOnChange(resyncVersion, resource.reload);

  const pours = useMemo(() => {
    if (!resource.data) return undefined;
    return resource.data
      .map((pour) => withLiveStatus(pour, liveStatuses.get(pour.id)))
      .filter((pour) => withDrafts || followable(pour))
      .sort(boardOrder);
  }, [resource.data, liveStatuses, withDrafts]);

  return { pours, resource };
}
