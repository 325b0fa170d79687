import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { useReloadOnChange } from '../pours/useReloadOnChange';

/** A GET about one plant's strength, fetched again when a warning is raised there or after a reconnect. */
export function useStrengthResource<T>(
  key: string,
  plantId: string,
  load: (signal: AbortSignal) => Promise<T>,
): ApiResource<T> {
  const resource = useApiResource(`${key}:${plantId}`, load);
  const version = useLive((state) => state.strengthVersion.get(plantId));
  const resyncVersion = useLive((state) => state.resyncVersion);
  useReloadOnChange(version, resource.reload);
  useReloadOnChange(resyncVersion, resource.reload);
  return resource;
}
