import { canActAtPlant, LOAD_STEP_PERMISSION, type LoadDto, roleHasPermission } from '@pourline/contracts';
import {
  type LoadStep,
  type LoadStepBlocker,
  loadStepBlocker,
  type LoadStepPlace,
  loadStepPlace,
  nextLoadSteps,
} from '@pourline/domain';
import { useMemo } from 'react';
import { useCurrentUser } from '../auth/useCurrentUser';

const NOTHING_EXCLUDED: readonly LoadStep[] = [];

export interface OfferedStep {
  step: LoadStep;
  /** Why it cannot be taken yet (shown on a disabled button); null when it can. */
  blocker: LoadStepBlocker | null;
}

/**
 * The steps this person may take on this load now, by the same permission
 * table and truck-cycle rules the API applies: the console never offers a
 * step the server would refuse for its role or the load's state.
 */
export function useLoadStepsFor(
  load: LoadDto,
  places: readonly LoadStepPlace[],
  now: number,
  exclude: readonly LoadStep[] = NOTHING_EXCLUDED,
): OfferedStep[] {
  const user = useCurrentUser();
  return useMemo(() => {
    if (!canActAtPlant(user, load.plantId)) return [];
    return nextLoadSteps(load.status)
      .filter((step) => places.includes(loadStepPlace(step)) && !exclude.includes(step))
      .filter((step) => roleHasPermission(user.role, LOAD_STEP_PERMISSION[step]))
      .map((step) => ({ step, blocker: loadStepBlocker(step, load, new Date(now)) }));
  }, [user, load, places, now, exclude]);
}
