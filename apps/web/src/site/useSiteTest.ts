import type { QcTestDto } from '@pourline/contracts';
import { useMemo } from 'react';
import { useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { useLive } from '../live/useLive';
import { listQcTests } from '../operator/operatorEndpoints';
import { useReloadOnChange } from '../pours/useReloadOnChange';

const newest = (tests: readonly QcTestDto[]) =>
  tests.reduce<QcTestDto | null>(
    (best, test) => (!best || Date.parse(test.testedAt) > Date.parse(best.testedAt) ? test : best),
    null,
  );

/**
 * A load's latest slump test on site: whether discharge may start. Fetched
 * once, and again whenever a test for the load is recorded live.
 */
export function useSiteTest(loadId: string): { test: QcTestDto | null; loading: boolean } {
  const api = useApi();
  const liveTest = useLive((state) => state.latestQcByLoad.get(loadId));
  const resource = useApiResource(`site-qc:${loadId}`, (signal) => listQcTests(api, loadId, signal));
  useReloadOnChange(liveTest, resource.reload);
  const test = useMemo(() => {
    const fetched = newest((resource.data ?? []).filter((candidate) => candidate.stage === 'site'));
    return newest([fetched, liveTest?.stage === 'site' ? liveTest : null].filter((t): t is QcTestDto => !!t));
  }, [resource.data, liveTest]);
  return { test, loading: resource.loading };
}
