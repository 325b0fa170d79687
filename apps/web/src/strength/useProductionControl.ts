import type { ProductionControlDto } from '@pourline/contracts';
import type { ApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { getProductionControl, type PeriodQuery } from './strengthEndpoints';
import { useStrengthResource } from './useStrengthResource';

export function useProductionControl(plantId: string, period: PeriodQuery): ApiResource<ProductionControlDto> {
  const api = useApi();
  return useStrengthResource(`production-control:${period.from ?? ''}:${period.to ?? ''}`, plantId, (signal) =>
    getProductionControl(api, plantId, period, signal),
  );
}
