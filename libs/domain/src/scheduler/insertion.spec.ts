import { construct, planWithInserted, TRUCK_CHOICES } from './construct';
import { planContext } from './plan-loads';
import { planBreaks } from './rule-check';
import { aPourThatMustGoFirst, asSchedulePlan, loadRows } from './scheduler-fixtures';

const genome = { openOrder: [0, 1], truckChoice: [TRUCK_CHOICES[0], TRUCK_CHOICES[0]] };

describe('inserting a pour into the trucks’ rounds', () => {
  it('puts the new pour’s loads first on both trucks and pushes the kept pour back, in the same truck order', () => {
    const input = aPourThatMustGoFirst();
    const context = planContext(input);
    const first = construct(context, genome);
    expect(loadRows(first)).toEqual([['T1 0 5-15', 'T2 10 15-25'], []]);

    const budget = { nodes: 100 };
    const built = planWithInserted(context, genome, first, { keep: [0], insert: [1] }, budget)!;
    expect(built.metrics.servedM3).toBe(40);
    // S2 at 5–25 on T1 then T2; T1 is back at the plant at 20 and T2 at 30: S1 follows at 25–45, T1 before T2 as before.
    expect(loadRows(built)).toEqual([
      ['T1 20 25-35', 'T2 30 35-45'],
      ['T1 0 5-15', 'T2 10 15-25'],
    ]);
    expect(planBreaks(input, asSchedulePlan(built))).toEqual([]);
  });

  it('finds no room when the kept pour cannot be pushed back far enough, and changes nothing', () => {
    const input = aPourThatMustGoFirst();
    // S1 must now end by 30 as well: the two pours cannot both be served.
    input.pours[0].window = { startMinute: 0, endMinute: 30 };
    const context = planContext(input);
    const first = construct(context, genome);
    const budget = { nodes: 1_000 };
    expect(planWithInserted(context, genome, first, { keep: [0], insert: [1] }, budget)).toBeNull();
    // It ran out of choices, not of steps.
    expect(budget.nodes).toBeGreaterThan(0);
    expect(loadRows(first)).toEqual([['T1 0 5-15', 'T2 10 15-25'], []]);
  });
});
