import { useClientConfig } from '../api/useClientConfig';
import { browserTimeZone } from './plantDay';

/** The zone the console's days and clocks follow: the plants', or the browser's while it is unknown. */
export function usePlantsZone(): string {
  return useClientConfig()?.timeZone ?? browserTimeZone();
}
