import { LOAD_STATUSES, type LoadStatus } from './load-status';
import {
  LOAD_STEPS,
  type LoadStepSubject,
  loadStepBlocker,
  loadStepNeedsReason,
  loadStepPlace,
  loadStepTarget,
  nextLoadSteps,
} from './load-steps';
import { canTransitionLoad } from './load-status';

const now = new Date('2026-11-30T02:00:00Z');
const load = (status: LoadStatus, fields: Partial<LoadStepSubject> = {}): LoadStepSubject => ({
  status,
  truckId: 'truck-1',
  siteAcceptance: null,
  dischargeDeadline: null,
  ...fields,
});

describe(nextLoadSteps.name, () => {
  it.each<[LoadStatus, string[]]>([
    ['scheduled', ['start_loading', 'cancel']],
    ['loading', ['send_to_qc', 'cancel']],
    ['plant_qc', []],
    ['held', ['dispose']],
    ['released', ['depart']],
    ['en_route', ['arrive']],
    ['on_site', ['start_discharge']],
    ['discharging', ['end_discharge']],
    ['discharged', ['leave_site']],
    ['rejected', ['leave_site']],
    ['returning', ['back_at_plant']],
    ['returning_with_load', ['back_at_plant']],
    ['back_at_plant', []],
    ['disposed', []],
    ['cancelled', []],
  ])('offers from %s: %j', (status, steps) => {
    expect(nextLoadSteps(status)).toEqual(steps);
  });

  it('only offers steps the truck cycle allows', () => {
    for (const status of LOAD_STATUSES) {
      for (const step of nextLoadSteps(status)) {
        expect(canTransitionLoad(status, loadStepTarget(step, status))).toBe(true);
      }
    }
  });
});

describe(loadStepTarget.name, () => {
  it('takes a rejected load home with its concrete', () => {
    expect(loadStepTarget('leave_site', 'rejected')).toBe('returning_with_load');
    expect(loadStepTarget('leave_site', 'discharged')).toBe('returning');
  });
});

describe(loadStepPlace.name, () => {
  it('gives the plant its own steps and the site its own', () => {
    expect(LOAD_STEPS.filter((step) => loadStepPlace(step) === 'plant')).toEqual([
      'start_loading',
      'send_to_qc',
      'depart',
      'back_at_plant',
      'dispose',
    ]);
    expect(LOAD_STEPS.filter((step) => loadStepPlace(step) === 'site')).toEqual([
      'arrive',
      'start_discharge',
      'end_discharge',
      'leave_site',
    ]);
  });

  it('asks for a reason only when concrete is thrown away or a ticket taken back', () => {
    expect(LOAD_STEPS.filter(loadStepNeedsReason)).toEqual(['dispose', 'cancel']);
  });
});

describe(loadStepBlocker.name, () => {
  it('lets a step go ahead from its own state', () => {
    expect(loadStepBlocker('send_to_qc', load('loading'), now)).toBeNull();
    expect(loadStepBlocker('dispose', load('held'), now)).toBeNull();
  });

  it('refuses a step that is not the load’s turn', () => {
    expect(loadStepBlocker('depart', load('plant_qc'), now)).toBe('wrong_state');
    expect(loadStepBlocker('dispose', load('released'), now)).toBe('wrong_state');
  });

  it('needs a truck before loading starts', () => {
    expect(loadStepBlocker('start_loading', load('scheduled', { truckId: null }), now)).toBe('no_truck');
  });

  it('needs an accepted site test before discharge', () => {
    expect(loadStepBlocker('start_discharge', load('on_site'), now)).toBe('site_test_missing');
    expect(loadStepBlocker('start_discharge', load('on_site', { siteAcceptance: 'retest_required' }), now)).toBe(
      'site_test_missing',
    );
    expect(loadStepBlocker('start_discharge', load('on_site', { siteAcceptance: 'accepted' }), now)).toBeNull();
  });

  it('does not send out concrete past its deadline, up to the minute', () => {
    const past = load('released', { dischargeDeadline: '2026-11-30T01:59:59Z' });
    const onTime = load('released', { dischargeDeadline: '2026-11-30T02:00:00Z' });
    expect(loadStepBlocker('depart', past, now)).toBe('past_deadline');
    expect(loadStepBlocker('depart', onTime, now)).toBeNull();
  });
});
