import type { StrengthWarningDto } from '@pourline/contracts';
import type { ApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { listStrengthWarnings } from './strengthEndpoints';
import { useStrengthResource } from './useStrengthResource';

export function useStrengthWarnings(plantId: string): ApiResource<StrengthWarningDto[]> {
  const api = useApi();
  return useStrengthResource('strength-warnings', plantId, (signal) => listStrengthWarnings(api, plantId, signal));
}
