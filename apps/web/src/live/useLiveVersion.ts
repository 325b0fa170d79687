import { useLive } from './useLive';

type VersionSlice = 'complaintsVersion' | 'strengthVersion' | 'pourLoadsVersion' | 'pourLogVersion';

/** A number that changes when something live about `key` happened: part of a fetch's key, it refetches. */
export function useLiveVersion(slice: VersionSlice, key: string): string {
  const version = useLive((state) => state[slice].get(key) ?? 0);
  const resync = useLive((state) => state.resyncVersion);
  return `${version}.${resync}`;
}
