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

const NO_TESTS: Promise<QcTestDto[]> = Promise.resolve([]);

/**
 * A load's latest slump test on site: whether discharge may start. Fetched
 * once, and again whenever a test for the load is recorded live or from this
 * tablet (`recorded`, the server's answer to the tablet's own test). Nothing
 * is fetched while `enabled` is false.
 */
export function useSiteTest(
  loadId: string,
  recorded: QcTestDto | null = null,
  enabled = true,
): { test: QcTestDto | null; loading: boolean } {
  const api = useApi();
  const liveTest = useLive((state) => state.latestQcByLoad.get(loadId));
  const resource = useApiResource(enabled ? `site-qc:${loadId}` : 'site-qc:off', (signal) =>
    enabled ? listQcTests(api, loadId, signal) : NO_TESTS,
  );
  useReloadOnChange(liveTest, resource.reload);
  useReloadOnChange(recorded, resource.reload);
  const test = useMemo(() => {
    const fetched = newest((resource.data ?? []).filter((candidate) => candidate.stage === 'site'));
    return newest(
      [fetched, liveTest?.stage === 'site' ? liveTest : null, recorded?.stage === 'site' ? recorded : null].filter(
        (t): t is QcTestDto => !!t,
      ),
    );
  }, [resource.data, liveTest, recorded]);
  return { test, loading: enabled && resource.loading };
}
