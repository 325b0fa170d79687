import type { LoadDto, QcTestDto } from '@pourline/contracts';

/**
 * Whether an inspector may still accept this failed test in writing: a held
 * plant test while the load is still held, or a site test that asked for a
 * check test. A rejection stands; a later test supersedes this one.
 */
export function isOverridable(test: QcTestDto, load: Pick<LoadDto, 'status'>, isLatestOfStage: boolean): boolean {
  if (test.pass || test.override !== null || !isLatestOfStage) return false;
  if (test.stage === 'plant') return test.outcome === 'held' && load.status === 'held';
  return test.outcome === 'retest_required' && (load.status === 'on_site' || load.status === 'discharging');
}
