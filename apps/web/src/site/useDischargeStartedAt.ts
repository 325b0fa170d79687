import { useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { listLoadEvents } from './siteEndpoints';

/** When the load's current discharge began, read from its cycle events; null until known. */
export function useDischargeStartedAt(loadId: string, enabled: boolean): string | null {
  const api = useApi();
  const resource = useApiResource(`discharge:${loadId}:${enabled}`, (signal) =>
    enabled ? listLoadEvents(api, loadId, signal) : Promise.resolve([]),
  );
  const started = (resource.data ?? []).filter((event) => event.toStatus === 'discharging');
  return started.length > 0 ? started.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) ? b : a)).at : null;
}
