import type { SamplingPlanDto, SpecimenSetDto, StrengthAcceptanceDto } from '@pourline/contracts';
import { useCallback } from 'react';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { useLive } from '../live/useLive';
import { useReloadOnChange } from '../pours/useReloadOnChange';
import { getSamplingPlan, getStrengthAcceptance, listSpecimenSets } from './qcEndpoints';

export interface Specimens {
  sampling: ApiResource<SamplingPlanDto>;
  sets: ApiResource<SpecimenSetDto[]>;
  strength: ApiResource<StrengthAcceptanceDto>;
  /** After a set is made or results are entered. */
  reloadAll: () => void;
}

/** A pour's sampling plan, its specimen sets and their strength; the plan follows the pour's loads live. */
export function useSpecimens(pourId: string): Specimens {
  const api = useApi();
  const loadsVersion = useLive((state) => state.pourLoadsVersion.get(pourId));
  const resyncVersion = useLive((state) => state.resyncVersion);
  const sampling = useApiResource(`sampling:${pourId}`, (signal) => getSamplingPlan(api, pourId, signal));
  const sets = useApiResource(`specimen-sets:${pourId}`, (signal) => listSpecimenSets(api, pourId, signal));
  const strength = useApiResource(`strength:${pourId}`, (signal) => getStrengthAcceptance(api, pourId, signal));
  useReloadOnChange(loadsVersion, sampling.reload);
  useReloadOnChange(resyncVersion, sampling.reload);
  useReloadOnChange(resyncVersion, sets.reload);

  const { reload: reloadSampling } = sampling;
  const { reload: reloadSets } = sets;
  const { reload: reloadStrength } = strength;
  const reloadAll = useCallback(() => {
    reloadSampling();
    reloadSets();
    reloadStrength();
  }, [reloadSampling, reloadSets, reloadStrength]);

  return { sampling, sets, strength, reloadAll };
}
