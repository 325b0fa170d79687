/**
 * A complaint or suggestion from a customer, followed from the day it is
 * received until a follow-up visit has heard the customer say how satisfied
 * they are. Every step is taken in order, by a person, at a time, with a note.
 */
export const COMPLAINT_CATEGORIES = ['quality', 'delivery', 'service', 'billing'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_STATES = [
  'received',
  'acknowledged',
  'investigating',
  'rectification',
  'verified',
  'closed',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** What a step needs beyond the previous state. */
export interface ComplaintStepFacts {
  /** Corrective actions recorded, and how many of them are done. */
  actions: number;
  actionsDone: number;
  /** A follow-up visit with the customer's satisfaction (1–5) has been recorded. */
  followUpRecorded: boolean;
}

export type ComplaintStepRefusal =
  'closed' | 'not_next' | 'needs_corrective_action' | 'corrective_actions_open' | 'needs_follow_up';

/** The one state that may follow `state`, or null once closed. */
export function nextComplaintState(state: ComplaintState): ComplaintState | null {
  const index = COMPLAINT_STATES.indexOf(state);
  return index < COMPLAINT_STATES.length - 1 ? COMPLAINT_STATES[index + 1] : null;
}

/**
 * Why `to` may not follow `from`, or null when it may. Rectification is the
 * corrective actions, so verification waits until there is one and all are
 * done; closing waits for the follow-up visit and the customer's word.
 */
export function complaintStepRefusal(
  from: ComplaintState,
  to: ComplaintState,
  facts: ComplaintStepFacts,
): ComplaintStepRefusal | null {
  if (from === 'closed') return 'closed';
  if (nextComplaintState(from) !== to) return 'not_next';
  if (to === 'verified') {
    if (facts.actions === 0) return 'needs_corrective_action';
    if (facts.actionsDone < facts.actions) return 'corrective_actions_open';
  }
  if (to === 'closed' && !facts.followUpRecorded) return 'needs_follow_up';
  return null;
}

/** Corrective actions are added while the complaint is investigated or rectified. */
export function acceptsCorrectiveActions(state: ComplaintState): boolean {
  return state === 'investigating' || state === 'rectification';
}

/** The follow-up visit is made once the rectification is verified. */
export function acceptsFollowUp(state: ComplaintState): boolean {
  return state === 'verified';
}

/** The service promises kept for each complaint, in minutes from its receipt. */
export const COMPLAINT_TIMERS = ['acknowledge', 'first_response', 'resolve'] as const;
export type ComplaintTimer = (typeof COMPLAINT_TIMERS)[number];
export type ComplaintTimerMinutes = Record<ComplaintTimer, number>;

/** The state whose reaching keeps each promise: acknowledged; investigating (the first answer); verified. */
export const TIMER_MET_BY: Record<ComplaintTimer, ComplaintState> = {
  acknowledge: 'acknowledged',
  first_response: 'investigating',
  resolve: 'verified',
};

/**
 * Defaults a producer changes per category. Quality is the strictest
 * (acknowledge within 1 h, first response within 6 h, resolved within 24 h):
 * concrete in a structure cannot wait. Delivery, service and billing matters
 * may take longer to resolve.
 */
export const DEFAULT_COMPLAINT_TIMERS: Record<ComplaintCategory, ComplaintTimerMinutes> = {
  quality: { acknowledge: 60, first_response: 360, resolve: 1440 },
  delivery: { acknowledge: 60, first_response: 360, resolve: 2880 },
  service: { acknowledge: 120, first_response: 480, resolve: 4320 },
  billing: { acknowledge: 240, first_response: 1440, resolve: 7200 },
};

/** A setting must keep the order of the promises: acknowledge ≤ first response ≤ resolve. */
export function timerMinutesInOrder(minutes: ComplaintTimerMinutes): boolean {
  return (
    minutes.acknowledge > 0 &&
    minutes.acknowledge <= minutes.first_response &&
    minutes.first_response <= minutes.resolve
  );
}

export type ComplaintTimerStatus = 'running' | 'overdue' | 'met' | 'met_late';

export interface ComplaintTimerState {
  timer: ComplaintTimer;
  dueAt: Date;
  status: ComplaintTimerStatus;
  /** When the state that keeps the promise was reached, if it was. */
  metAt: Date | null;
}

/** `reached` holds when each state was first reached. */
export type ReachedStates = Partial<Record<ComplaintState, Date>>;

/** Each promise of a complaint, due from its receipt: kept, kept late, running, or overdue now. */
export function complaintTimerStates(
  receivedAt: Date,
  minutes: ComplaintTimerMinutes,
  reached: ReachedStates,
  now: Date,
): ComplaintTimerState[] {
  return COMPLAINT_TIMERS.map((timer) => {
    const dueAt = new Date(receivedAt.getTime() + minutes[timer] * 60_000);
    const metAt = reachedAtOrAfter(reached, TIMER_MET_BY[timer]);
    const status: ComplaintTimerStatus = metAt
      ? metAt.getTime() <= dueAt.getTime()
        ? 'met'
        : 'met_late'
      : now.getTime() > dueAt.getTime()
        ? 'overdue'
        : 'running';
    return { timer, dueAt, status, metAt };
  });
}

/** A later state also keeps an earlier promise: a complaint investigated at once was acknowledged then. */
function reachedAtOrAfter(reached: ReachedStates, state: ComplaintState): Date | null {
  const from = COMPLAINT_STATES.indexOf(state);
  const times = COMPLAINT_STATES.slice(from)
    .map((later) => reached[later])
    .filter((at): at is Date => at !== undefined);
  return times.length > 0 ? new Date(Math.min(...times.map((at) => at.getTime()))) : null;
}

/** The promises broken now, each raised once as an alert. */
export function overdueComplaintTimers(
  receivedAt: Date,
  minutes: ComplaintTimerMinutes,
  reached: ReachedStates,
  now: Date,
): ComplaintTimer[] {
  return complaintTimerStates(receivedAt, minutes, reached, now)
    .filter((state) => state.status === 'overdue')
    .map((state) => state.timer);
}

/** Minutes from receipt to the verified rectification (the "resolved" promise), or null while open. */
export function minutesToResolve(receivedAt: Date, reached: ReachedStates): number | null {
  const resolvedAt = reachedAtOrAfter(reached, TIMER_MET_BY.resolve);
  return resolvedAt ? Math.round((resolvedAt.getTime() - receivedAt.getTime()) / 60_000) : null;
}
