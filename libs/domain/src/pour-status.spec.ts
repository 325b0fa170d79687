import {
  canTransitionPour,
  isPourPlanEditable,
  isPourStatus,
  isPourTerminal,
  POUR_STATUSES,
  pourTransitionsFrom,
  type PourStatus,
} from './pour-status';

const allowed: Record<PourStatus, PourStatus[]> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['draft', 'ready', 'cancelled'],
  ready: ['confirmed', 'in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

describe(canTransitionPour.name, () => {
  const pairs = POUR_STATUSES.flatMap((from) => POUR_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('allows %s → %s only when the plan says so', (from, to) => {
    expect(canTransitionPour(from, to)).toBe(allowed[from].includes(to));
  });

  it('never lets a completed pour start again', () => {
    expect(canTransitionPour('completed', 'in_progress')).toBe(false);
  });

  it('does not let a draft skip confirmation', () => {
    expect(canTransitionPour('draft', 'ready')).toBe(false);
  });
});

describe(pourTransitionsFrom.name, () => {
  it.each(POUR_STATUSES)('lists the next statuses of a %s pour', (from) => {
    expect([...pourTransitionsFrom(from)]).toEqual(allowed[from]);
  });

  it('lists nothing for a status it does not know', () => {
    expect(pourTransitionsFrom('paused' as PourStatus)).toEqual([]);
  });
});

describe(isPourPlanEditable.name, () => {
  it.each([
    ['draft', true],
    ['confirmed', true],
    ['ready', true],
    ['in_progress', false],
    ['completed', false],
    ['cancelled', false],
  ] as const)('says a %s plan editable=%p', (status, editable) => {
    expect(isPourPlanEditable(status)).toBe(editable);
  });
});

describe(isPourTerminal.name, () => {
  it('is terminal for completed and cancelled only', () => {
    expect(POUR_STATUSES.filter(isPourTerminal)).toEqual(['completed', 'cancelled']);
  });
});

describe(isPourStatus.name, () => {
  it('knows the six statuses and nothing else', () => {
    expect(POUR_STATUSES.every(isPourStatus)).toBe(true);
    expect(isPourStatus('paused')).toBe(false);
  });
});
