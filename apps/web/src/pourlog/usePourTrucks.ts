import type { LoadStatus } from '@pourline/domain';
import { useMemo } from 'react';
import { useLive } from '../live/useLive';

/** Trucks a site may be talking about: released, on the road, waiting or discharging. */
const ON_THE_WAY: ReadonlySet<LoadStatus> = new Set(['released', 'en_route', 'on_site', 'discharging']);

/** Fleet numbers of this pour's trucks on their way or on site, as the live store knows them. */
export function usePourTrucks(pourId: string): string[] {
  const loads = useLive((state) => state.loads);
  return useMemo(() => {
    const trucks = new Set<string>();
    for (const load of loads.values()) {
      if (load.pourId === pourId && load.truckFleetNumber && ON_THE_WAY.has(load.status)) {
        trucks.add(load.truckFleetNumber);
      }
    }
    return [...trucks].sort();
  }, [loads, pourId]);
}
