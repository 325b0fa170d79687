import type { MixDto, PlantDto } from '@pourline/contracts';
import { useMemo } from 'react';
import { useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { listPlants } from '../map/siteEndpoints';
import { listMixes } from './qcEndpoints';

export interface QcReferenceData {
  plants: ReadonlyMap<string, PlantDto>;
  mixes: ReadonlyMap<string, MixDto>;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

const byId = <T extends { id: string }>(items: readonly T[] | undefined) =>
  new Map((items ?? []).map((item) => [item.id, item]));

/** Plants (their rule sets) and mixes (slump kind, air, temperatures): what a test is judged against. */
export function useQcReferenceData(): QcReferenceData {
  const api = useApi();
  const plants = useApiResource('plants', (signal) => listPlants(api, signal));
  const mixes = useApiResource('mixes', (signal) => listMixes(api, signal));
  const plantMap = useMemo(() => byId(plants.data), [plants.data]);
  const mixMap = useMemo(() => byId(mixes.data), [mixes.data]);
  const { reload: reloadPlants } = plants;
  const { reload: reloadMixes } = mixes;
  const reload = useMemo(
    () => () => {
      reloadPlants();
      reloadMixes();
    },
    [reloadPlants, reloadMixes],
  );
  return {
    plants: plantMap,
    mixes: mixMap,
    loading: plants.loading || mixes.loading,
    error: plants.error ?? mixes.error,
    reload,
  };
}
