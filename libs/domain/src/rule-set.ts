import { DEFAULT_AIR_TOLERANCE_PERCENTAGE_POINTS } from './air-content';
import { DEFAULT_MAX_MINUTES_BATCH_TO_DISCHARGE, DEFAULT_SAFETY_MARGIN_MINUTES } from './discharge-deadline';
import type { SlumpStandard } from './slump-standard';
import { DEFAULT_MAX_TEMPERATURE_C, DEFAULT_MIN_TEMPERATURE_C } from './temperature';

/** What happens to a first failed test; see check-test.ts. */
export const CHECK_TEST_POLICIES = ['astm_c94_retest', 'reject_immediately'] as const;
export type CheckTestPolicy = (typeof CHECK_TEST_POLICIES)[number];

/** The settings a QC decision is judged by; a producer may keep one per plant, customer or mix. */
export interface RuleSet {
  standard: SlumpStandard;
  checkTest: CheckTestPolicy;
  minTemperatureC: number;
  maxTemperatureC: number;
  airTolerancePercentagePoints: number;
  safetyMarginMinutes: number;
  maxMinutesBatchToDischarge: number;
}

export const DEFAULT_RULE_SET_GB: Readonly<RuleSet> = Object.freeze({
  standard: 'gb_t_14902',
  checkTest: 'reject_immediately',
  minTemperatureC: DEFAULT_MIN_TEMPERATURE_C,
  maxTemperatureC: DEFAULT_MAX_TEMPERATURE_C,
  airTolerancePercentagePoints: DEFAULT_AIR_TOLERANCE_PERCENTAGE_POINTS,
  safetyMarginMinutes: DEFAULT_SAFETY_MARGIN_MINUTES,
  maxMinutesBatchToDischarge: DEFAULT_MAX_MINUTES_BATCH_TO_DISCHARGE,
});

export const DEFAULT_RULE_SET_ASTM: Readonly<RuleSet> = Object.freeze({
  ...DEFAULT_RULE_SET_GB,
  standard: 'astm_c94',
  checkTest: 'astm_c94_retest',
});

/** Key order must not change the version: two equal rule sets always read the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * cyrb53, a public-domain 53-bit string hash. The console computes versions too,
 * so node:crypto is out; 53 bits make a collision among a producer's handful of
 * rule sets practically impossible.
 */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A short stable id recorded beside every decision, e.g. "rs-0f3a9c1b2d4e5f". */
export function ruleSetVersion(ruleSet: RuleSet): string {
  return `rs-${cyrb53(canonicalJson(ruleSet)).toString(16).padStart(14, '0')}`;
}

/**
 * The rule set a plant works by: its standard's defaults with the plant's own
 * departures. Other settings kept beside them (the plan rules) are left out, so
 * they never change the rule set's version.
 */
export function ruleSetFor(standard: SlumpStandard, overrides: Partial<RuleSet> = {}): RuleSet {
  const base = standard === 'astm_c94' ? DEFAULT_RULE_SET_ASTM : DEFAULT_RULE_SET_GB;
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([key, value]) => value !== undefined && key in base),
  );
  return { ...base, ...defined, standard };
}
