import type { InspectionLotDto } from '@pourline/contracts';
import type { ApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { listLots } from './strengthEndpoints';
import { useStrengthResource } from './useStrengthResource';

export function useInspectionLots(plantId: string): ApiResource<InspectionLotDto[]> {
  const api = useApi();
  return useStrengthResource('strength-lots', plantId, (signal) => listLots(api, plantId, signal));
}
