import type { LoadDto, PourDto, QcTestDto } from '@pourline/contracts';
import { useMemo } from 'react';
import { useLive } from '../live/useLive';
import { usePourLoadsSync } from '../operator/usePourLoadsSync';
import { type DueForTesting, dueForTesting, needsSiteTests } from './dueForTesting';
import { useSiteTests } from './useSiteTests';

const WITHOUT_LOADS: ReadonlySet<PourDto['status']> = new Set(['draft', 'cancelled']);

export interface DueLoads extends DueForTesting {
  /** Every load of the given pours, as the live store has it. */
  loads: ReadonlyMap<string, LoadDto>;
  latestSiteTests: ReadonlyMap<string, QcTestDto | null>;
  rememberTest: (test: QcTestDto) => void;
  refreshTests: (loadId: string) => void;
}

/**
 * The loads of the given pours kept live (fetched per pour, refetched when the
 * pour's loads change), their site tests, and which of them wait for a test.
 */
export function useDueLoads(pours: readonly PourDto[], now: number): DueLoads {
  const pourIds = useMemo(
    () => pours.filter((pour) => !WITHOUT_LOADS.has(pour.status)).map((pour) => pour.id),
    [pours],
  );
  usePourLoadsSync(pourIds);
  const allLoads = useLive((state) => state.loads);

  const loads = useMemo(() => {
    const wanted = new Set(pourIds);
    return new Map([...allLoads].filter(([, load]) => wanted.has(load.pourId)));
  }, [allLoads, pourIds]);

  const siteKey = [...loads.values()]
    .filter(needsSiteTests)
    .map((load) => load.id)
    .sort()
    .join(',');
  const siteLoadIds = useMemo(() => (siteKey ? siteKey.split(',') : []), [siteKey]);
  const siteTests = useSiteTests(siteLoadIds);

  const due = useMemo(() => dueForTesting(loads.values(), siteTests.latest, now), [loads, siteTests.latest, now]);
  return {
    ...due,
    loads,
    latestSiteTests: siteTests.latest,
    rememberTest: siteTests.remember,
    refreshTests: siteTests.refresh,
  };
}
