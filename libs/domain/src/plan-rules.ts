/**
 * The settings a pour plan is checked by before it is accepted, and loading
 * before it starts. Kept apart from the QC rule set: these numbers decide
 * nothing about concrete, so changing them must not change a QC rule set's
 * recorded version.
 */
export interface PlanRules {
  /** How far outside the site's fence the pump, the start and end points and the routes' site ends may be. */
  siteToleranceMeters: number;
  /** How far outside the serving plant's fence a route may start (entry) or end (exit). */
  routePlantToleranceMeters: number;
  /** The pump is booked this long before the pour starts, to drive in, set up and prime. */
  pumpSetUpMinutes: number;
  /** And this long after the last cubic metre, to clean down and leave. */
  pumpCleanDownMinutes: number;
  /** Loading a pour's first truck earlier than this before its planned start needs a reason. */
  maxMinutesLoadingBeforeStart: number;
}

export const DEFAULT_PLAN_RULES: Readonly<PlanRules> = Object.freeze({
  // A pump or a chute may reach over the fence, and fences are drawn loosely; a kilometre out is a mistake.
  siteToleranceMeters: 150,
  // A plant's yard is larger than its drawn fence; routes usually begin at its gate on the public road.
  routePlantToleranceMeters: 300,
  pumpSetUpMinutes: 30,
  pumpCleanDownMinutes: 30,
  // Travel plus one truck's discharge rarely exceeds an hour; 90 minutes early is a wrong day or a wrong pour.
  maxMinutesLoadingBeforeStart: 90,
});

const PLAN_RULE_KEYS = Object.keys(DEFAULT_PLAN_RULES) as (keyof PlanRules)[];

/**
 * The plan rules a plant works by: the defaults with the plant's own
 * departures. Other settings stored beside them (the QC rule set's) are ignored.
 */
export function planRulesFor(overrides: Readonly<Record<string, unknown>> = {}): PlanRules {
  const rules: PlanRules = { ...DEFAULT_PLAN_RULES };
  for (const key of PLAN_RULE_KEYS) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) rules[key] = value;
  }
  return rules;
}
