import type { QcEvaluation, QcFailureCode, RecordedQcFailureReason } from './qc-evaluation';
import type { RuleSet } from './rule-set';

export type CheckTestOutcome = 'accept' | 'retest_required' | 'reject';

/**
 * ASTM C94 allows a check test only for slump and air, on the same sample. Heat
 * and age do not improve with a second look. A missing air reading is settled by
 * taking it, which is what the check test does.
 */
const RETESTABLE_CODES: ReadonlySet<QcFailureCode> = new Set([
  'slump_out_of_tolerance',
  'air_content_out_of_tolerance',
  'air_content_missing',
]);

export function isRetestable(reasons: readonly RecordedQcFailureReason[]): boolean {
  return reasons.length > 0 && reasons.every((reason) => RETESTABLE_CODES.has(reason.code));
}

function passed(result: boolean | QcEvaluation): boolean {
  return typeof result === 'boolean' ? result : result.pass;
}

/**
 * Pass a plain boolean, or the evaluation itself so that failures no check test
 * can cure (temperature, age) reject at once even under ASTM.
 */
export function checkTestOutcome(
  ruleSet: RuleSet,
  first: boolean | QcEvaluation,
  retest?: boolean | QcEvaluation,
): CheckTestOutcome {
  if (passed(first)) return 'accept';
  if (ruleSet.checkTest === 'reject_immediately') return 'reject';
  if (typeof first !== 'boolean' && !isRetestable(first.reasons)) return 'reject';
  if (retest === undefined) return 'retest_required';
  return passed(retest) ? 'accept' : 'reject';
}
