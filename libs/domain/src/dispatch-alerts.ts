/**
 * The dispatch room's warnings about the flow of concrete, each a condition
 * that holds or not at a given moment. The server raises an alert once when a
 * condition has held long enough, and resolves it when the condition ends.
 */
export const DISPATCH_ALERT_KINDS = [
  'cold_joint_risk',
  'load_age',
  'pump_starvation',
  'bunching',
  'off_route',
  'stopped_on_road',
  'long_on_site',
  'late_start',
] as const;
export type DispatchAlertKind = (typeof DISPATCH_ALERT_KINDS)[number];

/** A load is old once it has used this share of the time from batching to its discharge deadline. */
export const LOAD_AGE_ALERT_SHARE = 0.75;
/** More trucks than this waiting at one pump is money burning and concrete ageing. */
export const BUNCHING_MAX_WAITING = 2;
export const OFF_ROUTE_ALERT_M = 300;
/** How long each condition must hold before it is worth a person's attention. */
export const ALERT_HOLD_SECONDS: Readonly<Record<DispatchAlertKind, number>> = {
  cold_joint_risk: 0,
  load_age: 0,
  pump_starvation: 0,
  bunching: 0,
  off_route: 60,
  stopped_on_road: 10 * 60,
  long_on_site: 0,
  late_start: 0,
};
/** Below this a truck on the road is standing, not driving. */
export const STOPPED_SPEED_KMH = 3;
export const LONG_ON_SITE_MINUTES = 120;
/** A pour whose first discharge has not begun this long after its start is late. */
export const LATE_START_GRACE_MINUTES = 15;

export function loadAgeShare(batchedAt: Date, deadline: Date, now: Date): number {
  const life = deadline.getTime() - batchedAt.getTime();
  if (life <= 0) return 1;
  return (now.getTime() - batchedAt.getTime()) / life;
}

export function isLoadOld(batchedAt: Date, deadline: Date, now: Date): boolean {
  return loadAgeShare(batchedAt, deadline, now) > LOAD_AGE_ALERT_SHARE;
}

/**
 * The pump will starve when nothing is in the hopper's queue (no truck
 * discharging or waiting) and no truck arrives within the rhythm's interval.
 */
export function isPumpStarving(input: {
  trucksAtPump: number;
  nextArrivalAt: Date | null;
  targetIntervalMinutes: number | null;
  remainingM3: number;
  now: Date;
}): boolean {
  if (input.targetIntervalMinutes === null || input.remainingM3 <= 0 || input.trucksAtPump > 0) return false;
  if (!input.nextArrivalAt) return true;
  return input.nextArrivalAt.getTime() - input.now.getTime() > input.targetIntervalMinutes * 60_000;
}

export function isBunching(trucksWaiting: number, maxWaiting = BUNCHING_MAX_WAITING): boolean {
  return trucksWaiting > maxWaiting;
}

export function isLongOnSite(arrivedAt: Date, now: Date): boolean {
  return now.getTime() - arrivedAt.getTime() > LONG_ON_SITE_MINUTES * 60_000;
}

export function isLateStart(scheduledStart: Date, firstDischargeAt: Date | null, now: Date): boolean {
  if (firstDischargeAt) return false;
  return now.getTime() - scheduledStart.getTime() > LATE_START_GRACE_MINUTES * 60_000;
}

export interface ConditionState {
  firstSeenAt: Date;
  raised: boolean;
}

export type ConditionStep = 'wait' | 'raise' | 'hold' | 'resolve' | 'forget';

/**
 * What to do with a condition this time round: raise it once it has held
 * long enough, resolve a raised one whose cause is gone, forget one that
 * ended before it was worth raising.
 */
export function conditionStep(
  kind: DispatchAlertKind,
  present: boolean,
  state: ConditionState | null,
  now: Date,
): ConditionStep {
  if (!present) return state ? (state.raised ? 'resolve' : 'forget') : 'wait';
  if (state?.raised) return 'hold';
  const since = state?.firstSeenAt ?? now;
  return now.getTime() - since.getTime() >= ALERT_HOLD_SECONDS[kind] * 1000 ? 'raise' : 'wait';
}
