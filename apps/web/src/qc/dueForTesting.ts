import type { LoadDto, QcStage, QcTestDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';

/** Why a load is waiting for the inspector. */
export type DueKind =
  /** Its first test at this stage. */
  | 'first'
  /** Held at the plant, adjusted, and back for a re-test. */
  | 'retest'
  /** Out of tolerance on site under a check-test rule: the same sample again, now. */
  | 'check';

export interface DueLoad {
  load: LoadDto;
  stage: QcStage;
  kind: DueKind;
  /** The test a check test re-tests; sent as `checkTestOf`. */
  checkTestOf: string | null;
  /** Arrived on site past its deadline. */
  flagged: boolean;
  minutesSinceBatch: number | null;
  /** Negative once the deadline has passed. */
  minutesToDeadline: number | null;
}

export interface DueForTesting {
  plant: DueLoad[];
  site: DueLoad[];
}

const PLANT_DUE: ReadonlySet<LoadStatus> = new Set(['plant_qc', 'held']);
const SITE_DUE: ReadonlySet<LoadStatus> = new Set(['on_site', 'discharging']);
const MS_PER_MINUTE = 60_000;

/** The newest test of a stage; the API lists oldest first, a live push may be newer still. */
export function latestTestOf(tests: readonly QcTestDto[], stage: QcStage): QcTestDto | null {
  let latest: QcTestDto | null = null;
  for (const test of tests) {
    if (test.stage !== stage) continue;
    if (!latest || Date.parse(test.testedAt) >= Date.parse(latest.testedAt)) latest = test;
  }
  return latest;
}

/** Loads whose site tests must be known to tell whether they are due. */
export function needsSiteTests(load: LoadDto): boolean {
  return SITE_DUE.has(load.status);
}

/** A site test settles the load when it accepted it, or when an inspector accepted it in writing. */
function siteSettled(latest: QcTestDto | null): boolean {
  return latest !== null && (latest.outcome === 'accepted' || latest.override !== null);
}

function minutesSince(iso: string | null, now: number): number | null {
  return iso === null ? null : Math.floor((now - Date.parse(iso)) / MS_PER_MINUTE);
}

function minutesUntil(iso: string | null, now: number): number | null {
  return iso === null ? null : Math.floor((Date.parse(iso) - now) / MS_PER_MINUTE);
}

/** Most urgent first: flagged loads, then the nearest deadline; loads without one last. */
function byUrgency(a: DueLoad, b: DueLoad): number {
  if (a.flagged !== b.flagged) return a.flagged ? -1 : 1;
  const aLeft = a.minutesToDeadline ?? Infinity;
  const bLeft = b.minutesToDeadline ?? Infinity;
  if (aLeft !== bLeft) return aLeft - bLeft;
  return a.load.ticketNumber.localeCompare(b.load.ticketNumber);
}

/**
 * What the inspector has to test now. At the plant: loads at plant QC, and
 * held loads back for a re-test. On site: arrived loads whose latest site test
 * has not accepted them (none yet, or a check test due). A site load whose
 * tests are not known yet (missing from `latestSiteTests`) is left out rather
 * than guessed.
 */
export function dueForTesting(
  loads: Iterable<LoadDto>,
  latestSiteTests: ReadonlyMap<string, QcTestDto | null>,
  now: number,
): DueForTesting {
  const plant: DueLoad[] = [];
  const site: DueLoad[] = [];
  for (const load of loads) {
    const timing = {
      minutesSinceBatch: minutesSince(load.batchedAt, now),
      minutesToDeadline: minutesUntil(load.dischargeDeadline, now),
    };
    if (PLANT_DUE.has(load.status)) {
      plant.push({
        load,
        stage: 'plant',
        kind: load.status === 'held' ? 'retest' : 'first',
        checkTestOf: null,
        flagged: false,
        ...timing,
      });
      continue;
    }
    if (!SITE_DUE.has(load.status) || !latestSiteTests.has(load.id)) continue;
    const latest = latestSiteTests.get(load.id) ?? null;
    // A rejected load is on its way back; the store may not have heard yet.
    if (siteSettled(latest) || latest?.outcome === 'rejected') continue;
    const check = latest?.outcome === 'retest_required';
    site.push({
      load,
      stage: 'site',
      kind: check ? 'check' : 'first',
      checkTestOf: check ? latest.id : null,
      flagged: load.flaggedForQc,
      ...timing,
    });
  }
  return { plant: plant.sort(byUrgency), site: site.sort(byUrgency) };
}
