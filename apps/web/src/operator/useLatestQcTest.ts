import type { QcTestDto } from '@pourline/contracts';
import { useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { useLive } from '../live/useLive';
import { useReloadOnChange } from '../pours/useReloadOnChange';
import { listQcTests } from './operatorEndpoints';

/** A load's latest QC test, fetched once and again whenever a test for it is recorded live. */
export function useLatestQcTest(loadId: string | null): { test: QcTestDto | null; loading: boolean } {
  const api = useApi();
  const liveTest = useLive((state) => (loadId ? state.latestQcByLoad.get(loadId) : undefined));
  const resource = useApiResource(`qc:${loadId ?? ''}`, (signal) =>
    loadId ? listQcTests(api, loadId, signal) : Promise.resolve([]),
  );
  useReloadOnChange(liveTest, resource.reload);
  const tests = resource.data ?? [];
  const latest = tests.reduce<QcTestDto | null>(
    (best, test) => (!best || Date.parse(test.testedAt) > Date.parse(best.testedAt) ? test : best),
    null,
  );
  const test = liveTest && (!latest || Date.parse(liveTest.testedAt) > Date.parse(latest.testedAt)) ? liveTest : latest;
  return { test, loading: resource.loading };
}
