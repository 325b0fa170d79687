import type { MixTrendDto } from '@pourline/contracts';
import type { ApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { listMixTrends } from './strengthEndpoints';
import { useStrengthResource } from './useStrengthResource';

export function useMixTrends(plantId: string): ApiResource<MixTrendDto[]> {
  const api = useApi();
  return useStrengthResource('mix-trends', plantId, (signal) => listMixTrends(api, plantId, signal));
}
