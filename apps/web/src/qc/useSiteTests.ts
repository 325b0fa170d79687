import type { QcTestDto } from '@pourline/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/useApi';
import { useLive } from '../live/useLive';
import { latestTestOf } from './dueForTesting';
import { listQcTests } from './qcEndpoints';

export interface SiteTests {
  /** Latest site test per load (null: none yet). A load not in the map is not known yet. */
  latest: ReadonlyMap<string, QcTestDto | null>;
  /** A test this device just recorded, known before the push arrives. */
  remember: (test: QcTestDto) => void;
  /** Ask again, e.g. after the API said a check test is due that this device had not heard of. */
  refresh: (loadId: string) => void;
}

function newer(a: QcTestDto | null | undefined, b: QcTestDto): boolean {
  return !a || Date.parse(b.testedAt) >= Date.parse(a.testedAt);
}

/**
 * The latest site test of each given load: fetched when the load first needs
 * it, again when a test for it is pushed live, and after a reconnect.
 */
export function useSiteTests(loadIds: readonly string[]): SiteTests {
  const api = useApi();
  const liveTests = useLive((state) => state.latestQcByLoad);
  const resyncVersion = useLive((state) => state.resyncVersion);
  const [latest, setLatest] = useState<ReadonlyMap<string, QcTestDto | null>>(new Map());
  const [refreshes, setRefreshes] = useState(0);
  const requested = useRef(new Map<string, string>());
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const own = new AbortController();
    controller.current = own;
    requested.current = new Map();
    return () => own.abort();
  }, [api]);

  useEffect(() => {
    const signal = controller.current?.signal;
    if (!signal) return;
    for (const loadId of loadIds) {
      const stamp = `${liveTests.get(loadId)?.id ?? ''}:${resyncVersion}`;
      if (requested.current.get(loadId) === stamp) continue;
      requested.current.set(loadId, stamp);
      listQcTests(api, loadId, signal).then(
        (tests) => {
          const fetched = latestTestOf(tests, 'site');
          setLatest((previous) => {
            const known = previous.get(loadId);
            // A test remembered or pushed since the request left stays.
            if (known && fetched && !newer(known, fetched)) return previous;
            return new Map(previous).set(loadId, fetched ?? known ?? null);
          });
        },
        () => requested.current.delete(loadId),
      );
    }
  }, [api, loadIds, liveTests, resyncVersion, refreshes]);

  const remember = useCallback((test: QcTestDto) => {
    if (test.stage !== 'site') return;
    setLatest((previous) =>
      newer(previous.get(test.loadId), test) ? new Map(previous).set(test.loadId, test) : previous,
    );
  }, []);

  const refresh = useCallback((loadId: string) => {
    requested.current.delete(loadId);
    setRefreshes((count) => count + 1);
  }, []);

  return { latest, remember, refresh };
}
