import {
  type ComplaintState,
  COMPLAINT_STATES,
  DEFAULT_COMPLAINT_TIMERS,
  acceptsCorrectiveActions,
  acceptsFollowUp,
  complaintStepRefusal,
  complaintTimerStates,
  minutesToResolve,
  nextComplaintState,
  overdueComplaintTimers,
  timerMinutesInOrder,
} from './complaint-workflow';

const receivedAt = new Date('2026-11-30T01:00:00Z');
const after = (minutes: number) => new Date(receivedAt.getTime() + minutes * 60_000);
const noFacts = { actions: 0, actionsDone: 0, followUpRecorded: false };
const quality = DEFAULT_COMPLAINT_TIMERS.quality;

describe(nextComplaintState.name, () => {
  it('walks received → acknowledged → investigating → rectification → verified → closed', () => {
    const walked: ComplaintState[] = [COMPLAINT_STATES[0]];
    for (let state = nextComplaintState('received'); state; state = nextComplaintState(state)) walked.push(state);
    expect(walked).toEqual(['received', 'acknowledged', 'investigating', 'rectification', 'verified', 'closed']);
  });
});

describe(complaintStepRefusal.name, () => {
  it('allows the next state only', () => {
    expect(complaintStepRefusal('received', 'acknowledged', noFacts)).toBeNull();
    expect(complaintStepRefusal('received', 'investigating', noFacts)).toBe('not_next');
    expect(complaintStepRefusal('investigating', 'acknowledged', noFacts)).toBe('not_next');
    expect(complaintStepRefusal('acknowledged', 'acknowledged', noFacts)).toBe('not_next');
  });

  it('refuses every step once closed', () => {
    expect(complaintStepRefusal('closed', 'received', noFacts)).toBe('closed');
  });

  it('verifies a rectification only with corrective actions, all done', () => {
    expect(complaintStepRefusal('rectification', 'verified', noFacts)).toBe('needs_corrective_action');
    expect(complaintStepRefusal('rectification', 'verified', { ...noFacts, actions: 2, actionsDone: 1 })).toBe(
      'corrective_actions_open',
    );
    expect(complaintStepRefusal('rectification', 'verified', { ...noFacts, actions: 2, actionsDone: 2 })).toBeNull();
  });

  it('closes only after the follow-up visit', () => {
    expect(complaintStepRefusal('verified', 'closed', noFacts)).toBe('needs_follow_up');
    expect(complaintStepRefusal('verified', 'closed', { ...noFacts, followUpRecorded: true })).toBeNull();
  });
});

describe('what each state accepts', () => {
  it('takes corrective actions while investigating or rectifying', () => {
    expect(COMPLAINT_STATES.filter(acceptsCorrectiveActions)).toEqual(['investigating', 'rectification']);
  });

  it('takes the follow-up visit once verified', () => {
    expect(COMPLAINT_STATES.filter(acceptsFollowUp)).toEqual(['verified']);
  });
});

describe(timerMinutesInOrder.name, () => {
  it('holds for every default', () => {
    expect(Object.values(DEFAULT_COMPLAINT_TIMERS).every(timerMinutesInOrder)).toBe(true);
  });

  it('refuses a first response promised before the acknowledgement, or a zero', () => {
    expect(timerMinutesInOrder({ acknowledge: 60, first_response: 30, resolve: 600 })).toBe(false);
    expect(timerMinutesInOrder({ acknowledge: 0, first_response: 30, resolve: 600 })).toBe(false);
    expect(timerMinutesInOrder({ acknowledge: 60, first_response: 600, resolve: 300 })).toBe(false);
  });
});

describe(complaintTimerStates.name, () => {
  it('is due 1 h, 6 h and 24 h after receipt for quality by default', () => {
    const states = complaintTimerStates(receivedAt, quality, {}, receivedAt);
    expect(states.map((state) => [state.timer, state.dueAt.toISOString(), state.status])).toEqual([
      ['acknowledge', after(60).toISOString(), 'running'],
      ['first_response', after(360).toISOString(), 'running'],
      ['resolve', after(1440).toISOString(), 'running'],
    ]);
  });

  it('is running at the due minute and overdue after it', () => {
    expect(overdueComplaintTimers(receivedAt, quality, {}, after(60))).toEqual([]);
    expect(overdueComplaintTimers(receivedAt, quality, {}, after(60.01))).toEqual(['acknowledge']);
    expect(overdueComplaintTimers(receivedAt, quality, {}, after(1441))).toEqual([
      'acknowledge',
      'first_response',
      'resolve',
    ]);
  });

  it('counts a promise kept on time, and one kept late', () => {
    const reached = { acknowledged: after(30), investigating: after(400) };
    const states = complaintTimerStates(receivedAt, quality, reached, after(500));
    expect(states.map((state) => state.status)).toEqual(['met', 'met_late', 'running']);
  });

  it('takes a later state as keeping an earlier promise', () => {
    const states = complaintTimerStates(receivedAt, quality, { investigating: after(20) }, after(120));
    expect(states[0]).toMatchObject({ status: 'met', metAt: after(20) });
  });
});

describe(minutesToResolve.name, () => {
  it('is the time to the verified rectification', () => {
    expect(minutesToResolve(receivedAt, { verified: after(300), closed: after(900) })).toBe(300);
    expect(minutesToResolve(receivedAt, { acknowledged: after(3) })).toBeNull();
  });
});
