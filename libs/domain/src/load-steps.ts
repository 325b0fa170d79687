import { canTransitionLoad, type LoadStatus } from './load-status';

/**
 * The steps people take on a load, each with the states it starts from and
 * where in the business it is taken: the plant's control room, the site, or
 * the dispatch room (which may stand in for either when a radio call says so).
 */
export const LOAD_STEPS = [
  'start_loading',
  'send_to_qc',
  'depart',
  'arrive',
  'start_discharge',
  'end_discharge',
  'leave_site',
  'back_at_plant',
  'dispose',
  'cancel',
] as const;
export type LoadStep = (typeof LOAD_STEPS)[number];

/** Who takes a step: the plant control room, the site, or only the dispatch room. */
export type LoadStepPlace = 'plant' | 'site' | 'dispatch';

interface StepRule {
  from: readonly LoadStatus[];
  place: LoadStepPlace;
  /** Steps that throw concrete away or take a ticket back are explained in writing. */
  needsReason: boolean;
}

const STEP_RULES: Readonly<Record<LoadStep, StepRule>> = {
  start_loading: { from: ['scheduled'], place: 'plant', needsReason: false },
  send_to_qc: { from: ['loading'], place: 'plant', needsReason: false },
  depart: { from: ['released'], place: 'plant', needsReason: false },
  arrive: { from: ['en_route'], place: 'site', needsReason: false },
  start_discharge: { from: ['on_site'], place: 'site', needsReason: false },
  end_discharge: { from: ['discharging'], place: 'site', needsReason: false },
  leave_site: { from: ['discharged', 'rejected'], place: 'site', needsReason: false },
  back_at_plant: { from: ['returning', 'returning_with_load'], place: 'plant', needsReason: false },
  dispose: { from: ['held'], place: 'plant', needsReason: true },
  cancel: { from: ['scheduled', 'loading'], place: 'dispatch', needsReason: true },
};

/** The state a step leads to from a given state. */
export function loadStepTarget(step: LoadStep, from: LoadStatus): LoadStatus {
  switch (step) {
    case 'start_loading':
      return 'loading';
    case 'send_to_qc':
      return 'plant_qc';
    case 'depart':
      return 'en_route';
    case 'arrive':
      return 'on_site';
    case 'start_discharge':
      return 'discharging';
    case 'end_discharge':
      return 'discharged';
    case 'leave_site':
      return from === 'rejected' ? 'returning_with_load' : 'returning';
    case 'back_at_plant':
      return 'back_at_plant';
    case 'dispose':
      return 'disposed';
    case 'cancel':
      return 'cancelled';
  }
}

export function loadStepPlace(step: LoadStep): LoadStepPlace {
  return STEP_RULES[step].place;
}

export function loadStepNeedsReason(step: LoadStep): boolean {
  return STEP_RULES[step].needsReason;
}

/** What a step needs to know about a load beyond its state. */
export interface LoadStepSubject {
  status: LoadStatus;
  truckId: string | null;
  /** The site's verdict on its re-test; discharge waits for 'accepted'. */
  siteAcceptance: 'accepted' | 'retest_required' | 'rejected' | null;
  dischargeDeadline: string | null;
}

/** Why a step is not the load's to take now; null when it may go ahead. */
export type LoadStepBlocker = 'wrong_state' | 'no_truck' | 'site_test_missing' | 'past_deadline';

export function loadStepBlocker(step: LoadStep, load: LoadStepSubject, now: Date): LoadStepBlocker | null {
  const rule = STEP_RULES[step];
  if (!rule.from.includes(load.status) || !canTransitionLoad(load.status, loadStepTarget(step, load.status))) {
    return 'wrong_state';
  }
  if (step === 'start_loading' && !load.truckId) return 'no_truck';
  if (step === 'start_discharge' && load.siteAcceptance !== 'accepted') return 'site_test_missing';
  // Concrete past its deadline is not sent out; it is held for QC or disposed of.
  if (step === 'depart' && load.dischargeDeadline !== null && Date.parse(load.dischargeDeadline) < now.getTime()) {
    return 'past_deadline';
  }
  return null;
}

/** The steps a load can take next from where it is, whoever takes them. */
export function nextLoadSteps(status: LoadStatus): LoadStep[] {
  return LOAD_STEPS.filter((step) => STEP_RULES[step].from.includes(status));
}
